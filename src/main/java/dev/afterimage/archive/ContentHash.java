package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;

/**
 * The SHA-256 of a version's normalised content ({@link NormalisedContent}): what decides whether a post changed.
 * A type of its own so that neither the hash of the raw bytes nor a media file's can be compared with it by mistake.
 *
 * @param hex lower-case hex, as stored in {@code post.content_hash} and {@code post_version.content_hash}
 */
public record ContentHash(String hex) {

    public ContentHash {
        if (!Sha256.isHex(hex)) {
            throw new IllegalArgumentException("a content hash is 64 lower-case hex digits, not " + hex);
        }
    }

    public static ContentHash of(PostVersion version) {
        return new ContentHash(version.contentHash);
    }

    /** Whether the post's newest archived version has this content. */
    public boolean isOf(Post post) {
        return hex.equals(post.contentHash);
    }

    public boolean isOf(PostVersion version) {
        return hex.equals(version.contentHash);
    }

    @Override
    public String toString() {
        return hex;
    }
}
