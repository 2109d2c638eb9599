package dev.afterimage.detect;

import dev.afterimage.archive.ContentHash;
import dev.afterimage.archive.ObservedPost;
import java.time.Instant;

/**
 * A listed post as far as comparing it with its archived copy goes: its id as stored, the hash of its content, and
 * when the page that showed it was fetched.
 */
public record ListedPost(String platformPostId, ContentHash contentHash, Instant observedAt) {

    public static ListedPost of(ObservedPost post) {
        return new ListedPost(post.post().platformPostId(), post.contentHash(), post.observedAt());
    }
}
