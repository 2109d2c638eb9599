package dev.afterimage.alert;

import java.time.Instant;

/**
 * What a chat message about an event says, whatever the chat: a title, whose account, a few lines of the post, how
 * long it lived, and links.
 *
 * @param excerpt the first lines of the archived text, or what the event says when it is not about a post
 * @param lived e.g. "57 min", or null
 * @param thumbnailUrl the first archived picture on this instance, or null
 */
record AlertSummary(
        String title,
        String account,
        String excerpt,
        String lived,
        String archivedCopyUrl,
        String originalUrl,
        String thumbnailUrl,
        Instant at,
        int color,
        String footer) {

    /** A message about no post: nothing lived, nothing archived, no original to link. */
    static AlertSummary aboutNoPost(String title, String account, String text, Instant at, int color, String footer) {
        return new AlertSummary(title, account, text, null, null, null, null, at, color, footer);
    }
}
