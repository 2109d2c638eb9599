package dev.afterimage.web.api;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import java.time.Instant;

/** A post as API lists show it. */
public record PostView(
        long id,
        long accountId,
        String platform,
        String platformPostId,
        String url,
        PostState state,
        Instant publishedAt,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Instant missingSince,
        Instant deletedAt,
        String contentHash) {

    static PostView of(Post post, String platform) {
        return new PostView(
                post.id,
                post.accountId,
                platform,
                post.platformPostId,
                post.url,
                post.state,
                post.publishedAt,
                post.firstSeenAt,
                post.lastSeenAt,
                post.missingSince,
                post.deletedAt,
                post.contentHash);
    }
}
