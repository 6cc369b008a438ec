package dev.jsock.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.jsock.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.javax.el.CompositeELResolver;

/**
 * The {@link Templar} on Jinjava, configured and extended to render as Ansible (ansible-core
 * 2.14) does. One instance is safe to share between threads: all per-call state lives in a
 * {@link RenderSession}.
 */
public final class JinjavaTemplar implements Templar {
    /** Ansible keeps a variable's own type when a string is nothing but {{ name }}. */
    private static final Pattern SINGLE_VAR = Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}$");
    private static final String STRING_ORIGIN = "<template string>";

    /** Most distinct template texts whose checks are remembered (a run has a few hundred). */
    private static final int MEMO_LIMIT = 20_000;

    private final Jinjava jinjava;
    /**
     * The name check and the % rewrite depend only on the text (and the fixed filter and test
     * registry), and a run templates the same texts for every host and loop item: each is done once.
     */
    private final Map<String, java.util.Optional<NameCheck.Problem>> nameChecks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> rewrites = new java.util.concurrent.ConcurrentHashMap<>();
    /** Renders remembered across hosts (one templar serves one run), used while hosts run side by side. */
    private final RenderMemo memo = new RenderMemo();
    private volatile boolean shareRenders;

    public JinjavaTemplar() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false)
                .withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false)
                .withElResolver(resolver)
                .withInterperterFactory(AnsibleInterpreter.factory())
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withKeepNullableLoopValues(true)
                        .withIterateOverMapKeys(true)
                        .withUseTrimmingForNotesAndExpressions(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .build())
                .build();
        jinjava = new AnsibleJinjava(config);
        jinjava.registerTag(new ForElseTag());
        jinjava.registerTag(new PyIfTag());
        jinjava.registerTag(new FilterBlockTag());
        jinjava.registerTag(new WithTag());
        AnsibleExtensions.register(jinjava.getGlobalContext());
        jinjava.setResourceLocator((name, charset, interpreter) -> siblingTemplate(name));
    }

    @Override
    public String renderFile(String text, String fileName, Map<String, Object> vars) {
        // Jinja reads a template's line breaks as \n whatever the file has (CRLF files render with LF)
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = JinjaHeader.apply(text, fileName);
        try {
            requireClosedDelimiters(text);
        } catch (TemplateException e) {
            throw new TemplateException(e.getMessage(), dev.jsock.model.Source.of(fileName));
        }
        RenderSession session = new RenderSession(vars, this);
        java.nio.file.Path previous = templateDir.get();
        java.nio.file.Path parent = fileName == null ? null : java.nio.file.Path.of(fileName).toAbsolutePath().normalize().getParent();
        templateDir.set(parent);
        try {
            return render(text, fileName, session);
        } finally {
            templateDir.set(previous);
        }
    }

    /** The directory of the template file being rendered on this thread: {% include %} and {% import %} look there. */
    private final ThreadLocal<java.nio.file.Path> templateDir = new ThreadLocal<>();

    /**
     * {% include 'x.j2' %}, {% import 'macros.j2' as m %}: a file next to the template being
     * rendered, as Ansible's template search path starts there. Only relative names that stay in
     * that directory are read.
     */
    private String siblingTemplate(String name) throws java.io.IOException {
        java.nio.file.Path dir = templateDir.get();
        if (dir == null || name.startsWith("/") || java.util.Arrays.asList(name.split("/")).contains("..")) {
            throw new com.hubspot.jinjava.loader.ResourceNotFoundException("Couldn't find resource: " + name);
        }
        java.nio.file.Path file = dir.resolve(name).normalize();
        // a link out of the directory does not count as in it
        if (!file.startsWith(dir) || !java.nio.file.Files.isRegularFile(file)
                || !file.toRealPath().startsWith(dir.toRealPath())) {
            throw new com.hubspot.jinjava.loader.ResourceNotFoundException("Couldn't find resource: " + name);
        }
        String source = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        // Jinja drops one trailing newline of every template it loads (keep_trailing_newline is off)
        if (source.endsWith("\n")) source = source.substring(0, source.length() - 1);
        // read as a template file is: with the same rewriting, so it means in an include what it means at the top
        return rewritten(source, false);
    }

    @Override
    public Object template(Object value, Map<String, Object> vars) {
        RenderSession session = new RenderSession(vars, this);
        return templateValue(value, session);
    }

    private Object templateValue(Object value, RenderSession session) {
        if (value instanceof String s) {
            return templateString(s, session);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(templateValue(item, session));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, templateValue(v, session)));
            return out;
        }
        return value;
    }

    @Override
    public boolean condition(Object expression, Map<String, Object> vars) {
        if (expression == null) {
            return true;
        }
        if (expression instanceof Boolean b) {
            return b;
        }
        if (!(expression instanceof String)) {
            return PyRepr.truthy(expression);
        }
        String text = ((String) expression).strip();
        if (text.isEmpty()) {
            return true;
        }
        RenderSession session = new RenderSession(vars, this);
        if (isPossiblyTemplate(text)) {
            Object value = templateString(text, session);
            if (!(value instanceof String s)) {
                return PyRepr.truthy(value);
            }
            text = s;
        }
        String test = "{% if (" + text + ") | jsock_truth %}True{% else %}False{% endif %}";
        return "True".equals(render(test, text, session));
    }

    @Override
    public void hostsSideBySide(int count) {
        shareRenders = count > 1;
    }

    @Override
    public String toJson(Object value) {
        return PyJson.dumps(value, null, false);
    }

    @Override
    public String toText(Object value) {
        return PyRepr.output(value);
    }

    /** Jinjava prints an unclosed {{ as text; Jinja (and so Ansible) refuses the template. */
    static void requireClosedDelimiters(String s) {
        String[][] pairs = {{"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}};
        for (String[] p : pairs) {
            int from = 0;
            while (true) {
                int open = s.indexOf(p[0], from);
                if (open < 0) break;
                int close = s.indexOf(p[1], open + 2);
                if (close < 0) {
                    throw new TemplateException("unexpected 'end of template'. String: " + s, null);
                }
                from = close + 2;
            }
        }
    }

    static boolean isPossiblyTemplate(String s) {
        return s.contains("{{") || s.contains("{%") || s.contains("{#");
    }

    /**
     * Ansible's templating of one string: a lone {{ var }} of a bool or number keeps it; otherwise
     * render to text and, when the text looks like a list, dict or bool, read it back as one.
     */
    Object templateString(String s, RenderSession session) {
        if (!isPossiblyTemplate(s)) {
            return s;
        }
        requireClosedDelimiters(s);
        Matcher single = SINGLE_VAR.matcher(s);
        if (single.matches() && session.has(single.group(1))) {
            Object raw = session.raw(single.group(1));
            if (raw == null || raw instanceof Boolean || raw instanceof Number) {
                return raw;
            }
            // plain text renders to itself: skip the engine (a role passes dozens of these per task)
            if (raw instanceof String text && !isPossiblyTemplate(text)) {
                return readBack(text);
            }
        }
        String out = render(s, STRING_ORIGIN, session);
        return endsInTextFilter(s) ? out : readBack(out);
    }

    /**
     * A lone {@code {{ … | to_json }}} (or string, to_nice_json, to_yaml, to_nice_yaml): Ansible
     * keeps what such a filter returns as text instead of reading it back as data, so a JSON or
     * YAML document meant for a file stays the document.
     */
    private static final Pattern TEXT_FILTER_LAST = Pattern.compile(
            "^\\{\\{.*\\|\\s*(?:string|to_json|to_nice_json|to_yaml|to_nice_yaml|ppretty|json)\\s*(?:\\([^|]*\\))?[\\s)]*}}\\n*$",
            Pattern.DOTALL);

    static boolean endsInTextFilter(String template) {
        return template.indexOf("{{", 2) < 0 && TEXT_FILTER_LAST.matcher(template).matches();
    }

    /** Ansible reads rendered text that looks like a list, dict or bool back as one. */
    private static Object readBack(String out) {
        if (out.startsWith("{") || out.startsWith("[") || out.equals("True") || out.equals("False")) {
            return PyLiteral.parse(out).orElse(out);
        }
        return out;
    }

    private String render(String text, String fileName, RenderSession session) {
        session.enter();
        try {
            if (!shareRenders || session.nested()) return renderNow(text, fileName, session);
            // a template file's render also depends on its directory ({% include %}) and is
            // rewritten differently from a playbook string: both are part of what is shared
            String key = fileName == STRING_ORIGIN ? text : "\0" + templateDir.get() + "\0" + text;
            String known = memo.begin(key, session);
            if (known != null) return known;
            String out = null;
            try {
                out = renderNow(text, fileName, session);
                return out;
            } finally {
                memo.finish(key, session, out);
            }
        } finally {
            session.leave();
        }
    }

    private String renderNow(String text, String fileName, RenderSession session) {
        nameCheck(text).ifPresent(p -> session.fail(p.message(), p.line()));
        if (session.failure() != null) {
            throw failure(session, fileName);
        }
        Map<String, Object> bindings = new HashMap<>();
        bindings.put(RenderSession.KEY, session);
        RenderResult result = renderInChildOfGlobal(rewritten(withoutFinalNewline(text), fileName == STRING_ORIGIN), bindings);
        if (session.failure() == null) {
            fatal(result).ifPresent(e -> session.fail(cycle(e) ? "recursive include: " + e.getMessage().replaceFirst("^Warning in [^:]*: ", "") : JinjavaErrors.message(e), e.getLineno()));
        }
        if (session.failure() != null) {
            throw failure(session, fileName);
        }
        return padNewlines(result.getOutput(), trailingNewlines(text));
    }

    private java.util.Optional<NameCheck.Problem> nameCheck(String text) {
        java.util.Optional<NameCheck.Problem> known = nameChecks.get(text);
        if (known != null) return known;
        java.util.Optional<NameCheck.Problem> found = NameCheck.firstUnknown(text, jinjava.getGlobalContext());
        if (nameChecks.size() < MEMO_LIMIT) nameChecks.put(text, found);
        return found;
    }

    private String rewritten(String text, boolean playbookString) {
        // a playbook string and a template file with the same text are rewritten differently
        String key = playbookString ? "s" + text : "f" + text;
        String known = rewrites.get(key);
        if (known != null) return known;
        String out = PercentRewrite.apply(JinjaSource.normalize(text, playbookString));
        if (rewrites.size() < MEMO_LIMIT) rewrites.put(key, out);
        return out;
    }

    /**
     * Each thread's own copy of the global context, made once: Jinjava's renderForResult makes
     * such a copy for every render, re-registering every default filter, tag and function (most of
     * a render's CPU, measured). The copy must stay per thread: a context writes what it resolves
     * into all its parents, so a parent shared by host threads would be written concurrently.
     */
    private final ThreadLocal<com.hubspot.jinjava.interpret.Context> threadParent = ThreadLocal.withInitial(this::copyOfGlobal);

    private com.hubspot.jinjava.interpret.Context copyOfGlobal() {
        com.hubspot.jinjava.interpret.Context global = jinjava.getGlobalContext();
        com.hubspot.jinjava.interpret.Context c = new com.hubspot.jinjava.interpret.Context(null, global);
        global.getAllExpTests().forEach(c::registerExpTest);
        global.getAllFilters().forEach(c::registerFilter);
        global.getAllFunctions().forEach(c::registerFunction);
        global.getAllTags().forEach(c::registerTag);
        c.setAutoEscape(global.isAutoEscape());
        c.setDynamicVariableResolver(global.getDynamicVariableResolver());
        return c;
    }

    /**
     * This thread's interpreter for top-level renders. A new Jinjava interpreter registers every EL
     * function into a fresh expression context (measured: about a quarter of a small render), so
     * one is kept per thread and each render runs in a scope of its own inside it. Nested renders
     * (a variable templated while a render is running) and templates that could leave state behind
     * (blocks, extends) get a new interpreter, and one that recorded any error is dropped, since an
     * interpreter never reports the same error twice.
     */
    private static final class ThreadInterpreter {
        final com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter;
        boolean busy;

        ThreadInterpreter(com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter) {
            this.interpreter = interpreter;
        }
    }

    private final ThreadLocal<ThreadInterpreter> threadInterpreter = new ThreadLocal<>();

    private ThreadInterpreter reusable(String template, com.hubspot.jinjava.JinjavaConfig config,
                                       com.hubspot.jinjava.interpret.Context parent) {
        if (template.contains("block") || template.contains("extends")) return null;
        ThreadInterpreter t = threadInterpreter.get();
        if (t == null) {
            com.hubspot.jinjava.interpret.Context base = new com.hubspot.jinjava.interpret.Context(parent, null, config.getDisabled());
            t = new ThreadInterpreter(config.getInterpreterFactory().newInstance(jinjava, base, config));
            threadInterpreter.set(t);
        }
        return t.busy ? null : t;
    }

    /** Jinjava's renderForResult, in a child of this thread's copy of the global context. */
    private RenderResult renderInChildOfGlobal(String template, Map<String, Object> bindings) {
        com.hubspot.jinjava.JinjavaConfig config = jinjava.getGlobalConfig();
        com.hubspot.jinjava.interpret.Context parent = threadParent.get();
        ThreadInterpreter reused = reusable(template, config, parent);
        com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter;
        com.hubspot.jinjava.interpret.Context context;
        int depth = -1;
        if (reused != null) {
            reused.busy = true;
            interpreter = reused.interpreter;
            depth = interpreter.getScopeDepth();
            interpreter.enterScope();
            context = interpreter.getContext();
            context.putAll(bindings);
        } else {
            context = new com.hubspot.jinjava.interpret.Context(parent, bindings, config.getDisabled());
            interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
        }
        boolean clean = false;
        com.hubspot.jinjava.interpret.JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String out = interpreter.render(template);
            List<TemplateError> errors = interpreter.getErrorsCopy();
            clean = errors.isEmpty();
            return new RenderResult(out, context, errors);
        } catch (com.hubspot.jinjava.interpret.TemplateSyntaxException e) {
            return new RenderResult(com.hubspot.jinjava.interpret.TemplateError.fromException(e), interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (com.hubspot.jinjava.interpret.InvalidArgumentException e) {
            return new RenderResult(com.hubspot.jinjava.interpret.TemplateError.fromInvalidArgumentException(e), interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (com.hubspot.jinjava.interpret.InvalidInputException e) {
            return new RenderResult(com.hubspot.jinjava.interpret.TemplateError.fromInvalidInputException(e), interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (com.hubspot.jinjava.interpret.InterpretException e) {
            return new RenderResult(com.hubspot.jinjava.interpret.TemplateError.fromSyntaxError(e), interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (RuntimeException e) {
            // as renderForResult does: any other failure (ours included) becomes a template error
            return new RenderResult(com.hubspot.jinjava.interpret.TemplateError.fromException(e), interpreter.getContext(), interpreter.getErrorsCopy());
        } finally {
            context.reset();
            parent.reset(); // what the render wrote up into the parent is not needed again
            com.hubspot.jinjava.interpret.JinjavaInterpreter.popCurrent();
            if (reused != null) {
                interpreter.leaveScope();
                interpreter.getContext().reset();
                reused.busy = false;
                if (!clean || interpreter.getScopeDepth() != depth) threadInterpreter.remove();
            }
        }
    }

    private static RuntimeException failure(RenderSession session, String fileName) {
        if (session.nested()) {
            return new Failures.TemplateFailure(session.failure());
        }
        int line = Math.max(session.failureLine(), 0);
        return new TemplateException(session.failure(), new Source(fileName, line, 0));
    }

    /** Jinja drops one final newline of the source (keep_trailing_newline is off)... */
    private static String withoutFinalNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** ...and Ansible then pads the output to as many final newlines as the source had. */
    private static String padNewlines(String output, int wanted) {
        int have = trailingNewlines(output);
        return have >= wanted ? output : output + "\n".repeat(wanted - have);
    }

    private static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
            n++;
        }
        return n;
    }

    private static java.util.Optional<TemplateError> fatal(RenderResult result) {
        return result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL || cycle(e))
                .findFirst();
    }

    /**
     * Jinjava stops an include or import cycle with a warning and renders on without it; Jinja
     * (and Ansible) fail, and a template must never be written out missing a part of itself.
     */
    private static boolean cycle(TemplateError e) {
        return e.getCategory() != null && String.valueOf(e.getCategory()).endsWith("CYCLE_DETECTED");
    }
}
