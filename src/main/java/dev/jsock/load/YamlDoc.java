package dev.jsock.load;

import dev.jsock.model.Source;
import dev.jsock.model.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * One YAML file composed into SnakeYAML nodes, so that every key keeps its position, plus the
 * conversion of nodes to plain Java values (String, Boolean, Integer/Long/BigInteger, Double,
 * null, LinkedHashMap, ArrayList) with Ansible's YAML 1.1 typing.
 */
final class YamlDoc {
    /** One key of a mapping with its nodes; duplicate keys keep the first position and the last value, as Python dicts do. */
    record Entry(String key, Node keyNode, Node valueNode) {}

    private final String file;
    private final Node root;
    private final Consumer<String> warnings;

    private YamlDoc(String file, Node root, Consumer<String> warnings) {
        this.file = file;
        this.root = root;
        this.warnings = warnings;
    }

    static YamlDoc read(Path path, Consumer<String> warnings) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.missing(Source.of(path.toString()), "could not find or access '" + path + "'");
        } catch (MalformedInputException e) {
            throw UserError.parse(Source.of(path.toString()), "file is not valid UTF-8 text");
        } catch (IOException e) {
            throw UserError.parse(Source.of(path.toString()), "could not read file: " + e.getMessage());
        }
        return parse(path.toString(), text, warnings);
    }

    static YamlDoc parse(String file, String text, Consumer<String> warnings) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        // Anchors used many times are ordinary YAML (Ansible takes them); what guards against an
        // alias bomb is the limit on how many values they expand to (toJava), not their number
        options.setMaxAliasesForCollections(MAX_ALIASES);
        if (text.length() > options.getCodePointLimit() && text.codePointCount(0, text.length()) > options.getCodePointLimit()) {
            // said at once: SnakeYAML would take minutes over one huge line before saying the same
            throw UserError.parse(Source.of(file), "YAML syntax error: The incoming YAML document exceeds the limit: "
                    + options.getCodePointLimit() + " code points.");
        }
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new AnsibleResolver(), options);
            return new YamlDoc(file, composer.getSingleNode(), warnings);
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        } catch (YAMLException e) {
            throw UserError.parse(Source.of(file), "YAML syntax error: " + e.getMessage());
        }
    }

    /** SnakeYAML's marked errors carry a multi-line message with a snippet; keep the problem, its context and the position. */
    private static UserError syntaxError(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Source src = mark == null ? Source.of(file) : new Source(file, mark.getLine() + 1, mark.getColumn() + 1);
        StringBuilder msg = new StringBuilder("YAML syntax error: ");
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (problem.contains("\\t(TAB)")) problem = "found a tab character that cannot start any token;"
                + " YAML indentation must use spaces, not tabs";
        msg.append(problem);
        if (e.getContext() != null) {
            msg.append(" (").append(e.getContext());
            Mark cm = e.getContextMark();
            if (cm != null && e.getProblemMark() != null && cm.getLine() != e.getProblemMark().getLine()) {
                msg.append(" started at line ").append(cm.getLine() + 1).append(", column ").append(cm.getColumn() + 1);
            }
            msg.append(")");
        }
        return new UserError(UserError.Kind.PARSE, src, msg.toString());
    }

    String file() {
        return file;
    }

    /** The document's top node, null for an empty file (or one holding only comments). */
    Node root() {
        return root;
    }

    Source at(Node node) {
        if (node == null || node.getStartMark() == null) return Source.of(file);
        Mark m = node.getStartMark();
        return new Source(file, m.getLine() + 1, m.getColumn() + 1);
    }

    UserError error(Node node, String message) {
        return UserError.parse(at(node), message);
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
    }

    /** The keys of a mapping in order, with YAML merge keys (&lt;&lt;) applied and duplicates warned about. */
    Map<String, Entry> entries(MappingNode map) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (Tag.MERGE.equals(k.getTag())) {
                merge(t.getValueNode(), out);
                continue;
            }
            String key = keyString(k);
            Entry previous = out.get(key);
            if (previous != null && map.getValue().stream().noneMatch(x -> Tag.MERGE.equals(x.getKeyNode().getTag()))) {
                Mark m = map.getStartMark();
                warnings.accept("While constructing a mapping from " + file + ", line " + (m.getLine() + 1)
                        + ", column " + (m.getColumn() + 1) + ", found a duplicate dict key (" + key
                        + "). Using last defined value only.");
            }
            out.put(key, new Entry(key, previous != null ? previous.keyNode() : k, t.getValueNode()));
        }
        return out;
    }

    private void merge(Node value, Map<String, Entry> out) {
        if (value instanceof MappingNode m) {
            for (Entry e : entries(m).values()) out.putIfAbsent(e.key(), e);
        } else if (value instanceof SequenceNode s) {
            for (Node n : s.getValue()) merge(n, out);
        } else {
            throw error(value, "a merge key (<<) needs a mapping or a list of mappings");
        }
    }

    private String keyString(Node k) {
        Object v = toJava(k);
        if (v instanceof Map || v instanceof List) throw error(k, "a mapping key must be a plain value");
        return PyStr.of(v);
    }

    private static final int MAX_ALIASES = 10_000;
    /** How many values a document's aliases may expand to: far above any real playbook, far below a bomb's billions. */
    static final int MAX_VALUES = 2_000_000;
    private int converted;

    /** Converts a node to a plain Java value. */
    Object toJava(Node node) {
        if (node == null) return null;
        if (++converted > MAX_VALUES) {
            throw error(node, "YAML aliases expand to more than " + MAX_VALUES + " values here (an alias bomb?)");
        }
        if (node instanceof ScalarNode s) return scalar(s);
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) list.add(toJava(n));
            return list;
        }
        MappingNode map = (MappingNode) node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries(map).values()) out.put(e.key(), toJava(e.valueNode()));
        return out;
    }

    private Object scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (Tag.STR.equals(tag)) return v;
        if (Tag.NULL.equals(tag)) return null;
        if (Tag.BOOL.equals(tag)) return parseBool(s);
        if (Tag.INT.equals(tag)) return parseInt(s);
        if (Tag.FLOAT.equals(tag)) return parseFloat(s);
        String t = tag.getValue();
        if (t.equals("!unsafe")) return v;
        if (t.equals("!vault")) throw error(s, "encrypted (!vault) values are not supported by jsock");
        if (t.equals(Tag.TIMESTAMP.getValue()) || t.equals(Tag.BINARY.getValue())) return v;
        throw error(s, "could not determine a constructor for the tag '" + t + "'");
    }

    private Object parseBool(ScalarNode s) {
        String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("yes") || v.equals("true") || v.equals("on")) return Boolean.TRUE;
        if (v.equals("no") || v.equals("false") || v.equals("off")) return Boolean.FALSE;
        throw error(s, "'" + s.getValue() + "' is not a boolean");
    }

    private Object parseInt(ScalarNode s) {
        String v = s.getValue().replace("_", "");
        try {
            boolean negative = v.startsWith("-");
            if (v.startsWith("-") || v.startsWith("+")) v = v.substring(1);
            BigInteger n;
            if (v.contains(":")) {
                n = BigInteger.ZERO;
                for (String part : v.split(":")) n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            } else if (v.startsWith("0b")) {
                n = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new BigInteger(v.substring(2), 16);
            } else if (v.length() > 1 && v.startsWith("0")) {
                n = new BigInteger(v.substring(1), 8);
            } else {
                n = new BigInteger(v);
            }
            return PyStr.narrow(negative ? n.negate() : n);
        } catch (NumberFormatException e) {
            throw error(s, "'" + s.getValue() + "' is not a valid integer");
        }
    }

    private Object parseFloat(ScalarNode s) {
        String v = s.getValue().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        if (v.endsWith(".inf")) return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (v.equals(".nan")) return Double.NaN;
        try {
            if (v.contains(":")) {
                boolean negative = v.startsWith("-");
                if (negative || v.startsWith("+")) v = v.substring(1);
                double n = 0;
                for (String part : v.split(":")) n = n * 60 + Double.parseDouble(part);
                return negative ? -n : n;
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(s, "'" + s.getValue() + "' is not a valid number");
        }
    }
}
