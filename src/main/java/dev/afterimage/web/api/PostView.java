package dev.afterimage.web.api;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.watch.Account;
import java.time.Instant;

/**
 * A post as API lists show it.
 *
 * @param platform the platform of the account that served this copy
 * @param linkedUrl for a feed entry or web-page item linking another platform's post, that post: a mention, not a
 *     copy of it
 */
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
        String contentHash,
        String linkedUrl) {

    /** A post whose account is looked up here; lists of many posts pass the platform they already know. */
    static PostView of(Post post) {
        return of(post, platformOf(post.accountId));
    }

    /** The API name of an account's platform; null once the account is gone. */
    static String platformOf(long accountId) {
        Account account = Account.findById(accountId);
        return account == null ? null : account.platform.apiName();
    }

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
                post.contentHash,
                post.linkedUrl);
    }
}
