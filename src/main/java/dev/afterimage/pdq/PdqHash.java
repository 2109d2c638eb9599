package dev.afterimage.pdq;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A 256-bit PDQ hash, as four 64-bit words: {@code high} holds bits 255–192, {@code low} bits 63–0. Its hex form is
 * the one Meta's implementations print (most significant digit first), so bit {@code k} of the DCT order is bit
 * {@code k} of that number.
 */
public record PdqHash(long high, long midHigh, long midLow, long low) {

    /** Number of bits in a PDQ hash. */
    public static final int BITS = 256;

    /** Parses the 64-hex-digit form; fails naming the text when it is not one. */
    public static PdqHash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits: " + hex);
        }
        return new PdqHash(
                Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16, 32), 16),
                Long.parseUnsignedLong(hex.substring(32, 48), 16),
                Long.parseUnsignedLong(hex.substring(48, 64), 16));
    }

    /** Builds a hash from bits in DCT order: bit {@code k} is set when {@code bits[k]}. */
    static PdqHash fromBits(boolean[] bits) {
        long[] words = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new PdqHash(words[3], words[2], words[1], words[0]);
    }

    /** How many of the 256 bits differ: 0 for the same picture, about 128 for unrelated ones. */
    public int distance(PdqHash other) {
        return Long.bitCount(high ^ other.high)
                + Long.bitCount(midHigh ^ other.midHigh)
                + Long.bitCount(midLow ^ other.midLow)
                + Long.bitCount(low ^ other.low);
    }

    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(midHigh) + hex.toHexDigits(midLow) + hex.toHexDigits(low);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
