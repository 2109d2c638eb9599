package dev.afterimage.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Lower-case hex SHA-256, the one hash the archive speaks: of raw captures, media files, chain entries and packages.
 * A leaf package, so the sources, the archive and the evidence code share one implementation without depending on
 * each other.
 */
public final class Sha256 {

    // Compiled once: every content hash a poll computes is checked against it.
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** A fresh digest, for hashing a stream piece by piece; {@link #hex} reads it out. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
