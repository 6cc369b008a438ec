package dev.jsock.modules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Ansible identifies file contents by SHA-1 (and reports MD5 next to it after a copy). */
final class Checksums {
    private Checksums() {}

    static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    static String md5(byte[] data) {
        return digest("MD5", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
