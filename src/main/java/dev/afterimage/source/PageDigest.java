package dev.afterimage.source;

import dev.afterimage.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The SHA-256 of everything a source's reading of a listing page depends on: the body as received and whatever else
 * the source reads it with (the address it came from, its content type). Two pages with one digest read alike, so a
 * page whose digest a poll already knows need not be read again ({@link PostSource#newestPage}).
 *
 * @param sha256 lower-case hex
 */
public record PageDigest(String sha256) {

    public PageDigest {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("a page digest is 64 lower-case hex digits, not " + sha256);
        }
    }

    /** The digest of a body read with these other inputs; each is framed by its length, so none runs into the next. */
    public static PageDigest of(byte[] body, String... readWith) {
        MessageDigest digest = Sha256.digest();
        for (String input : readWith) {
            byte[] bytes = String.valueOf(input).getBytes(StandardCharsets.UTF_8);
            digest.update(lengthOf(bytes.length));
            digest.update(bytes);
        }
        digest.update(lengthOf(body.length));
        digest.update(body);
        return new PageDigest(Sha256.hex(digest));
    }

    private static byte[] lengthOf(int length) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(length).array();
    }
}
