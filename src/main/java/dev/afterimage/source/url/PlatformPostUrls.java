package dev.afterimage.source.url;

import java.util.Optional;

/** How one platform with fixed hosts writes the URLs of its posts. */
interface PlatformPostUrls {

    /**
     * Whether the host belongs to the platform, even when no post ever lives on it ({@code fb.com},
     * {@code staging.bsky.app}): such a URL is this platform's to judge and can never be a Mastodon post.
     */
    boolean owns(PastedUrl url);

    /** The canonical form of a URL this platform owns, or empty when it is not a post's URL. */
    Optional<CanonicalPostUrl> canonicalise(PastedUrl url);
}
