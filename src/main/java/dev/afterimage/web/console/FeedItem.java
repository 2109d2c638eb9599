package dev.afterimage.web.console;

/**
 * One event in the live feed, as the page shows it and as the stream sends it (JSON).
 *
 * @param title e.g. "Post deleted"
 * @param account the account's label or handle; null for events about no account
 * @param postPage the console page of the post, or null
 * @param detectedAt ISO-8601, for the viewer's time zone
 * @param detectedUtc the same time in UTC, shown until the script rewrites it
 * @param snippet the start of the post's newest archived text, or null for events about no post
 */
public record FeedItem(
        long id,
        String type,
        String title,
        boolean alarm,
        Long accountId,
        String account,
        String postUrl,
        String postPage,
        String detectedAt,
        String detectedUtc,
        String snippet) {}
