package dev.jsock.modules;

/** Path arithmetic on remote (POSIX) paths, independent of the controller's file system. */
final class RemotePaths {
    private RemotePaths() {}

    static String parent(String path) {
        String p = stripTrailingSlashes(path);
        int i = p.lastIndexOf('/');
        if (i < 0) return ".";
        return i == 0 ? "/" : p.substring(0, i);
    }

    static String basename(String path) {
        String p = stripTrailingSlashes(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    static String stripTrailingSlashes(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
