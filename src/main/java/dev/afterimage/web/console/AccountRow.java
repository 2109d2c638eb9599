package dev.afterimage.web.console;

/**
 * One account on the dashboard.
 *
 * @param name the label, or the handle when there is none
 * @param health "OK", "Failing", "Paused", "Unavailable", ... in words
 * @param failing whether the row must stand out
 */
public record AccountRow(
        long id,
        PlatformBadge platform,
        String name,
        String handle,
        String url,
        String group,
        Moment lastPoll,
        String lastOutcome,
        String lastDetail,
        long posts,
        long deletions24h,
        long edits24h,
        String health,
        boolean failing) {}
