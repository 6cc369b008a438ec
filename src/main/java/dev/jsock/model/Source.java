package dev.jsock.model;

/** Where a value came from, for error messages: 1-based line and column. */
public record Source(String file, int line, int column) {
    public static final Source UNKNOWN = new Source("<unknown>", 0, 0);

    public static Source of(String file) {
        return new Source(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
