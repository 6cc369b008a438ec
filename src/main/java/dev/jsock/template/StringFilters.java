package dev.jsock.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ansible's and Jinja's filters on scalar values: text, numbers, booleans, paths, hashes. */
final class StringFilters {
    private static final Pattern SAFE_FOR_SHELL = Pattern.compile("^[A-Za-z0-9_@%+=:,./-]+$");
    private static final Pattern WORD_BEGINNING = Pattern.compile("(?<=[-\\s(\\[{<])|(?=[-\\s(\\[{<])");

    private StringFilters() {
    }

    static List<AnsibleFilter> all() {
        return List.of(
                AnsibleFilter.acceptingUndefined("default", StringFilters::defaultFilter),
                AnsibleFilter.acceptingUndefined("d", StringFilters::defaultFilter),
                AnsibleFilter.acceptingUndefined("mandatory", StringFilters::mandatory),
                AnsibleFilter.of("jsock_truth", (v, a) -> PyRepr.truthy(v)),
                AnsibleFilter.of("bool", (v, a) -> toBool(v)),
                AnsibleFilter.of("lower", (v, a) -> Values.str(v).toLowerCase(Locale.ROOT)),
                AnsibleFilter.of("upper", (v, a) -> Values.str(v).toUpperCase(Locale.ROOT)),
                AnsibleFilter.of("capitalize", (v, a) -> PyStrings.capitalize(Values.str(v))),
                AnsibleFilter.of("title", (v, a) -> title(Values.str(v))),
                AnsibleFilter.of("trim", (v, a) -> PyStrings.rstrip(PyStrings.lstrip(Values.str(v),
                        a.string(0, "chars", null)), a.string(0, "chars", null))),
                AnsibleFilter.of("replace", (v, a) -> PyStrings.replace(Values.str(v), a.string(0, "old", ""),
                        a.string(1, "new", ""), a.has(2, "count") ? Values.toLong(a.get(2, "count", -1)) : -1)),
                AnsibleFilter.of("string", (v, a) -> Values.str(v)),
                AnsibleFilter.of("int", Numbers::toInt),
                AnsibleFilter.of("float", Numbers::toFloat),
                AnsibleFilter.of("abs", (v, a) -> Numbers.abs(v)),
                AnsibleFilter.of("format", (v, a) -> PyPercent.format(Values.str(v), a.positional())),
                AnsibleFilter.of("quote", (v, a) -> quote(v == null ? "None" : Values.str(v))),
                AnsibleFilter.of("center", (v, a) -> center(Values.str(v), (int) Values.toLong(a.get(0, "width", 80)))),
                AnsibleFilter.of("ternary", StringFilters::ternary),
                AnsibleFilter.of("split", (v, a) -> PyStrings.split(Values.str(v), a.string(0, "sep", null),
                        Values.toLong(a.get(1, "maxsplit", -1)))),
                AnsibleFilter.of("b64encode", (v, a) -> Base64.getEncoder().encodeToString(bytes(v))),
                AnsibleFilter.of("b64decode", (v, a) -> new String(Base64.getDecoder().decode(Values.str(v).strip()),
                        StandardCharsets.UTF_8)),
                AnsibleFilter.of("hash", (v, a) -> hash(v, a.string(0, "hashtype", "sha1"))),
                AnsibleFilter.of("checksum", (v, a) -> hash(v, "sha1")),
                AnsibleFilter.of("md5", (v, a) -> hash(v, "md5")),
                AnsibleFilter.of("sha1", (v, a) -> hash(v, "sha1")),
                AnsibleFilter.of("basename", (v, a) -> basename(Values.str(v))),
                AnsibleFilter.of("dirname", (v, a) -> dirname(Values.str(v))),
                AnsibleFilter.of("regex_replace", Regex::replace),
                AnsibleFilter.of("regex_search", Regex::search),
                AnsibleFilter.of("regex_findall", Regex::findall),
                AnsibleFilter.of("regex_escape", (v, a) -> Regex.escape(Values.str(v))));
    }

    private static Object defaultFilter(Object value, Args a) {
        Object fallback = a.get(0, "default_value", "");
        boolean onFalsy = a.bool(1, "boolean", false);
        if (value instanceof Undefined || (onFalsy && !PyRepr.truthy(value))) {
            return fallback;
        }
        return value;
    }

    private static Object mandatory(Object value, Args a) {
        if (value instanceof Undefined u) {
            String msg = a.string(0, "msg", null);
            if (msg != null) {
                throw Failures.raise(msg);
            }
            String m = u.message();
            String name = m.endsWith(" is undefined") ? m.substring(0, m.length() - " is undefined".length()) : "";
            // Ansible 2.14 prints two spaces here; users grep for the message, so keep it.
            throw Failures.raise("Mandatory variable " + name + "  not defined.");
        }
        return value;
    }

    /** Ansible's bool: yes/on/1/true (any case) and 1 are true, None stays None, all else false. */
    static Object toBool(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence s) {
            String t = s.toString().toLowerCase(Locale.ROOT);
            return t.equals("yes") || t.equals("on") || t.equals("1") || t.equals("true");
        }
        return Values.isNumber(value) && ((Number) value).doubleValue() == 1;
    }

    /** Jinja's title: each chunk after whitespace, '-' or an opening bracket gets a capital. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        for (String part : WORD_BEGINNING.split(s, -1)) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    /** Python's shlex.quote. */
    static String quote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (SAFE_FOR_SHELL.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    static String center(String s, int width) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2 + (pad & width & 1);
        return " ".repeat(left) + s + " ".repeat(pad - left);
    }

    private static Object ternary(Object value, Args a) {
        Object whenNone = a.get(2, "none_val", null);
        if (value == null && whenNone != null) {
            return whenNone;
        }
        return PyRepr.truthy(value) ? a.get(0, "true_val", null) : a.get(1, "false_val", null);
    }

    private static byte[] bytes(Object v) {
        return Values.str(v).getBytes(StandardCharsets.UTF_8);
    }

    static String hash(Object value, String type) {
        String algorithm = switch (type.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw Failures.raise("unsupported hash type " + type);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw Failures.raise("unsupported hash type " + type);
        }
    }

    static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Python's posixpath.dirname: trailing slashes of the head go unless it is all slashes. */
    static String dirname(String path) {
        String head = path.substring(0, path.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = PyStrings.rstrip(head, "/");
        }
        return head;
    }
}
