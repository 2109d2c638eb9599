package dev.afterimage.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of bytes and streams, and the digest spellings found in WARC headers. */
final class Digests {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Digests() {}

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digester("SHA-256").digest(bytes));
    }

    /** Hex SHA-256 and length of everything the stream holds. */
    record Sum(String sha256, long bytes) {}

    static Sum sha256(InputStream in) throws IOException {
        MessageDigest digest = digester("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Sum(HexFormat.of().formatHex(digest.digest()), size);
    }

    static MessageDigest digester(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    /** The JDK name of a WARC digest algorithm ({@code sha256}, {@code sha1}), or null for one not known here. */
    static String jdkAlgorithm(String warcName) {
        return switch (warcName.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "sha256" -> "SHA-256";
            case "sha1" -> "SHA-1";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> null;
        };
    }

    /**
     * The bytes a WARC digest value spells, whichever spelling was used: hex, base32 with or without padding, or
     * base64; null when it is none of these for a digest of that length.
     */
    static byte[] decode(String value, int length) {
        String text = value.strip();
        if (text.length() == length * 2 && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        }
        String base32 = text.toUpperCase(Locale.ROOT).replace("=", "");
        if (base32.length() == (length * 8 + 4) / 5 && base32.chars().allMatch(c -> BASE32.indexOf(c) >= 0)) {
            return base32(base32, length);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == length ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] base32(String text, int length) {
        byte[] out = new byte[length];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length() && index < length; i++) {
            buffer = (buffer << 5) | BASE32.indexOf(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
