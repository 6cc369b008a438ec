package dev.jsock.modules;

import dev.jsock.pyregex.PyRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What lineinfile, blockinfile and replace make of a file's text: pure functions of the text and
 * the task's arguments, computed the way Ansible's modules compute them (including where they
 * put a line when the file lacks a final newline), so that the same playbook leaves the same bytes.
 */
final class LineEdits {
    private LineEdits() {}

    /** The new text, whether it differs, and Ansible's message for it ("line added", "2 replacements made" …). */
    record Edit(String text, boolean changed, String msg) {}

    /** lineinfile's arguments for state=present; insertAfter is "EOF" when neither insert option was given. */
    record LineSpec(PyRegex regexp, String searchString, String line, String insertAfter, String insertBefore,
                    boolean backrefs, boolean firstmatch) {}

    static Edit lineInFilePresent(String text, LineSpec s) {
        List<String> lines = readLines(text);
        PyRegex ins = null;
        if (s.insertAfter() != null && !s.insertAfter().equals("BOF") && !s.insertAfter().equals("EOF")) {
            ins = bytesPattern(s.insertAfter(), 0);
        } else if (s.insertBefore() != null && !s.insertBefore().equals("BOF")) {
            ins = bytesPattern(s.insertBefore(), 0);
        }
        int matchAt = -1;
        int insertAt = -1;
        Matcher match = null;
        boolean matched = false;
        if (s.regexp() != null) {
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = s.regexp().matcher(lines.get(n));
                if (m.find()) {
                    matchAt = n;
                    match = m;
                    matched = true;
                    if (s.firstmatch()) break;
                }
            }
        }
        if (s.searchString() != null) {
            for (int n = 0; n < lines.size(); n++) {
                if (lines.get(n).contains(s.searchString())) {
                    matchAt = n;
                    matched = true;
                    if (s.firstmatch()) break;
                }
            }
        }
        if (!matched) {
            // the exact line anywhere, and where the insert pattern matches (the last match unless firstmatch)
            for (int n = 0; n < lines.size(); n++) {
                String cur = lines.get(n);
                if (s.line().equals(stripEol(cur))) {
                    matchAt = n;
                } else if (ins != null && ins.matcher(cur).find()) {
                    insertAt = s.insertAfter() != null ? n + 1 : n;
                    if (s.firstmatch()) break;
                }
            }
        }
        String line = s.line() + "\n";
        if (matchAt != -1) {
            String replacement = s.backrefs() && match != null ? s.regexp().expand(match, s.line()) : s.line();
            if (!replacement.endsWith("\n")) replacement += "\n";
            if (lines.get(matchAt).equals(replacement)) return unchanged(text);
            lines.set(matchAt, replacement);
            return new Edit(String.join("", lines), true, "line replaced");
        }
        if (s.backrefs()) return unchanged(text); // without a match there is nothing to fill the backreferences from
        if ("BOF".equals(s.insertBefore()) || "BOF".equals(s.insertAfter())) {
            lines.add(0, line);
        } else if ("EOF".equals(s.insertAfter()) || insertAt == -1) {
            if (!lines.isEmpty() && !endsWithEol(lines.get(lines.size() - 1))) lines.add("\n");
            lines.add(line);
        } else if (s.insertAfter() != null) {
            if (lines.size() == insertAt) {
                // after the last line, which may lack its newline: Ansible appends the line as is
                if (stripEol(lines.get(insertAt - 1)).equals(s.line())) return unchanged(text);
                lines.add(line);
            } else {
                if (stripEol(lines.get(insertAt)).equals(s.line())) return unchanged(text);
                lines.add(insertAt, line);
            }
        } else {
            lines.add(insertAt, line);
        }
        return new Edit(String.join("", lines), true, "line added");
    }

    /** lineinfile state=absent: every line matching the regexp, containing the search string, or equal to the line goes. */
    static Edit lineInFileAbsent(String text, PyRegex regexp, String searchString, String line) {
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String cur : readLines(text)) {
            boolean found = regexp != null ? regexp.matcher(cur).find()
                    : searchString != null ? cur.contains(searchString)
                    : stripEol(cur).equals(line);
            if (found) removed++;
            else kept.add(cur);
        }
        if (removed == 0) return unchanged(text);
        return new Edit(String.join("", kept), true, removed + " line(s) removed");
    }

    /** blockinfile's arguments; insertAfter is "EOF" when neither insert option was given. */
    record BlockSpec(boolean present, String block, String marker, String markerBegin, String markerEnd,
                     String insertAfter, String insertBefore) {}

    /** @param original the file's text, or null when it does not exist yet (create: true) */
    static Edit blockInFile(String original, BlockSpec s) {
        List<String> lines = original == null ? new ArrayList<>() : splitLinesKeepEnds(original);
        String begin = s.marker().replace("{mark}", s.markerBegin()) + "\n";
        String end = s.marker().replace("{mark}", s.markerEnd()) + "\n";
        List<String> blockLines = new ArrayList<>();
        if (s.present() && !s.block().isEmpty()) {
            String block = s.block().endsWith("\n") ? s.block() : s.block() + "\n";
            blockLines.add(begin);
            blockLines.addAll(splitLinesKeepEnds(block));
            blockLines.add(end);
        }
        Integer n0 = null;
        Integer n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(begin)) n0 = i;
            if (lines.get(i).equals(end)) n1 = i;
        }
        int at;
        if (n0 == null || n1 == null) {
            at = insertionPoint(original == null ? "" : original, lines, s);
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
            at = n0;
        } else {
            lines.subList(n1, n0 + 1).clear();
            at = n1;
        }
        if (at > 0 && !lines.get(at - 1).endsWith("\n")) lines.set(at - 1, lines.get(at - 1) + "\n");
        lines.addAll(at, blockLines);
        String result = String.join("", lines);
        if (result.equals(original)) return new Edit(result, false, "");
        if (original == null) return new Edit(result, true, "File created");
        return new Edit(result, true, blockLines.isEmpty() ? "Block removed" : "Block inserted");
    }

    /** Where a block without both markers in the file goes: after (before) the last line matching the insert pattern, or at an end. */
    private static int insertionPoint(String original, List<String> lines, BlockSpec s) {
        String pattern = s.insertAfter() != null && !s.insertAfter().equals("EOF") ? s.insertAfter()
                : s.insertBefore() != null && !s.insertBefore().equals("BOF") ? s.insertBefore() : null;
        if (pattern == null) return s.insertBefore() != null ? 0 : lines.size();
        PyRegex re = bytesPattern(pattern, 0);
        Integer n = null;
        if (hasInlineMultiline(pattern)) {
            // a (?m) pattern is searched in the whole text, and the line is counted up to the match
            Matcher m = re.matcher(original);
            if (m.find()) n = count(original, s.insertAfter() != null ? m.end() : m.start());
        } else {
            for (int i = 0; i < lines.size(); i++) if (re.matcher(lines.get(i)).find()) n = i;
        }
        if (n == null) return lines.size();
        return s.insertAfter() != null ? n + 1 : n;
    }

    /** replace's arguments: the pattern and template, and the optional after/before patterns bounding the section. */
    record ReplaceSpec(String regexp, String replace, String after, String before) {}

    static Edit replace(String contents, ReplaceSpec s) {
        String pattern = "";
        if (nonEmpty(s.after()) && nonEmpty(s.before())) pattern = s.after() + "(?P<subsection>.*?)" + s.before();
        else if (nonEmpty(s.after())) pattern = s.after() + "(?P<subsection>.*)";
        else if (nonEmpty(s.before())) pattern = "(?P<subsection>.*)" + s.before();
        String section = contents;
        int from = 0;
        int to = contents.length();
        if (!pattern.isEmpty()) {
            PyRegex bounds = PyRegex.compile(pattern, PyRegex.DOTALL, true);
            Matcher m = bounds.matcher(contents);
            if (!m.find()) {
                return new Edit(contents, false, "Pattern for before/after params did not match the given file: " + pattern);
            }
            from = m.start(bounds.javaGroupName("subsection"));
            to = m.end(bounds.javaGroupName("subsection"));
            section = contents.substring(from, to);
        }
        PyRegex.Substitution sub = PyRegex.compile(s.regexp(), PyRegex.MULTILINE, true).subn(section, s.replace(), 0);
        if (sub.count() == 0 || sub.text().equals(section)) return new Edit(contents, false, "");
        String result = contents.substring(0, from) + sub.text() + contents.substring(to);
        return new Edit(result, true, sub.count() + " replacements made");
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** lineinfile reads lines as Python's readlines() on bytes: each ends after its '\n', the last may lack one. */
    static List<String> readLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) return lines;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }

    /** blockinfile splits as bytes.splitlines(True): at "\r\n", "\n" or "\r", each line keeping its end. */
    static List<String> splitLinesKeepEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }

    /** rstrip('\r\n'). */
    static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    private static boolean endsWithEol(String s) {
        return s.endsWith("\n") || s.endsWith("\r");
    }

    private static int count(String s, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static boolean hasInlineMultiline(String pattern) {
        return pattern.matches("(?s)\\(\\?[aiLmsux]*m[aiLmsux]*\\).*");
    }

    /** lineinfile and blockinfile match bytes: ASCII character classes, as Python's re on bytes. */
    static PyRegex bytesPattern(String pattern, int flags) {
        return PyRegex.compile(pattern, flags, false);
    }

    private static Edit unchanged(String text) {
        return new Edit(text == null ? "" : text, false, "");
    }
}
