package dev.jsock.model;

/** Before and after text of one file (or a state description), for --diff output. Null before = new file. */
public record FileDiff(String path, String before, String after) {}
