package dev.afterimage.watch;

import java.time.Instant;

/** What one poll of one account did, as `POST /api/accounts/{id}/poll` answers it. */
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
        int events) {}
