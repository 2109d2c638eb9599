package dev.afterimage.source.url;

import java.util.Objects;

/**
 * The one URL Afterimage stores for a post, with what identifies the post on its platform.
 *
 * @param platform lower-case platform name: {@code telegram}, {@code x}, {@code mastodon}, {@code bluesky} or
 *     {@code facebook}
 * @param account who posted, as the pasted URL named them, without a leading {@code @}: lower-cased, except a Bluesky
 *     DID, which keeps its case; a Mastodon remote account is {@code user@other.instance}; a Facebook permalink gives
 *     the numeric page id; empty when the URL did not name the account (X {@code /i/status/...}, Mastodon
 *     {@code /web/statuses/...})
 * @param postId the post's id on its platform, exact case (Facebook {@code pfbid...} and Bluesky record keys are
 *     case-sensitive); for Mastodon only unique on the instance in {@link #url()}
 * @param url the canonical public https URL
 */
public record CanonicalPostUrl(String platform, String account, String postId, String url) {

    public CanonicalPostUrl {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(url, "url");
    }
}
