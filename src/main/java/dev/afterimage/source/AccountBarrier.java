package dev.afterimage.source;

/**
 * Why an account's posts cannot be read, as the platform said it definitively. None of these is a deletion of a
 * post: the account's archived posts are left as they are while it lasts.
 */
public enum AccountBarrier {
    /** The account does not exist any more, or is no longer public. */
    GONE,
    /** A Telegram name that exists but offers no public preview ({@code t.me/s/<name>} redirects to its landing). */
    NO_PUBLIC_PREVIEW,
    /** Facebook will not show another organisation's Page to a token without the Page Public Content Access feature. */
    NEEDS_PAGE_PUBLIC_CONTENT_ACCESS,
    /** A community that exists but is closed or private (VK), so its wall is not public. */
    CLOSED
}
