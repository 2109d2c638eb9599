package dev.afterimage.watch;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of one account did, as `POST /api/accounts/{id}/poll` answers it.
 *
 * @param mediaDeferred media downloads not tried this poll: their URL is backing off after a failure, or the poll's
 *     allowance of downloads or time was spent; a later poll tries them
 * @param skipped posts seen but not archived, because the archive cannot store them as they are
 * @param skips the first of those, each with its reason
 */
public record PollSummary(
        long accountId,
        Instant startedAt,
        Instant finishedAt,
        PollOutcome outcome,
        String detail,
        int pagesFetched,
        int postsSeen,
        int newPosts,
        int newVersions,
        int suspects,
        int rechecks,
        int deleted,
        int restored,
        int unknown,
        int mediaDownloaded,
        int mediaFailed,
        int events,
        int mediaDeferred,
        int skipped,
        List<PostSkip> skips) {

    /** Skipped posts named in a summary; the rest are counted and listed on the account's page. */
    public static final int MAX_SKIPS_LISTED = 20;

    public PollSummary {
        skips = List.copyOf(skips);
    }
}
