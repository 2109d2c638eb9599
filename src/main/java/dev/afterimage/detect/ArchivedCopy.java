package dev.afterimage.detect;

import dev.afterimage.archive.ContentHash;
import dev.afterimage.archive.PostState;
import dev.afterimage.archive.StoredPost;
import java.time.Instant;

/**
 * What the archive held for a listed post when the poll planned its questions: enough to tell, once the post is
 * observed, that recording it would only note that it was seen.
 */
public record ArchivedCopy(
        long postId,
        PostState state,
        Instant missingSince,
        String contentHash,
        Instant publishedAt,
        Instant nextRecheckAt) {

    static ArchivedCopy of(StoredPost post) {
        return new ArchivedCopy(
                post.id(),
                post.state(),
                post.missingSince(),
                post.contentHash(),
                post.publishedAt(),
                post.nextRecheckAt());
    }

    /** Live, not missing, and of this content. */
    boolean isLiveAs(ContentHash observed) {
        return state == PostState.LIVE && missingSince == null && observed.hex().equals(contentHash);
    }
}
