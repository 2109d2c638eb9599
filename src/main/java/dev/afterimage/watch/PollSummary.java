package dev.afterimage.watch;

import dev.afterimage.detect.PollOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one poll of one account did, as `POST /api/accounts/{id}/poll` answers it.
 *
 * @param newestPostAt the newest publication time the listing showed (now, for new posts that gave none)
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
        Optional<Instant> newestPostAt,
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

    /** A summary that names what it counts; every count the poll did not reach stays zero. */
    static Builder of(long accountId, Instant startedAt, Instant finishedAt, PollOutcome outcome, String detail) {
        return new Builder(accountId, startedAt, finishedAt, outcome, detail);
    }

    /** Builds a {@link PollSummary} count by count, so no two counts can be swapped by position. */
    static final class Builder {
        private final long accountId;
        private final Instant startedAt;
        private final Instant finishedAt;
        private final PollOutcome outcome;
        private final String detail;
        private int pagesFetched;
        private int postsSeen;
        private Optional<Instant> newestPostAt = Optional.empty();
        private int newPosts;
        private int newVersions;
        private int suspects;
        private int rechecks;
        private int deleted;
        private int restored;
        private int unknown;
        private int mediaDownloaded;
        private int mediaFailed;
        private int events;
        private int mediaDeferred;
        private int skipped;
        private List<PostSkip> skips = List.of();

        private Builder(long accountId, Instant startedAt, Instant finishedAt, PollOutcome outcome, String detail) {
            this.accountId = accountId;
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
            this.outcome = outcome;
            this.detail = detail;
        }

        Builder listing(int pagesFetched, int postsSeen, Optional<Instant> newestPostAt) {
            this.pagesFetched = pagesFetched;
            this.postsSeen = postsSeen;
            this.newestPostAt = newestPostAt;
            return this;
        }

        Builder archived(int newPosts, int newVersions, int events) {
            this.newPosts = newPosts;
            this.newVersions = newVersions;
            this.events = events;
            return this;
        }

        Builder asked(int suspects, int rechecks, int deleted, int restored, int unknown) {
            this.suspects = suspects;
            this.rechecks = rechecks;
            this.deleted = deleted;
            this.restored = restored;
            this.unknown = unknown;
            return this;
        }

        Builder media(int downloaded, int failed, int deferred) {
            this.mediaDownloaded = downloaded;
            this.mediaFailed = failed;
            this.mediaDeferred = deferred;
            return this;
        }

        Builder skipped(List<PostSkip> all) {
            this.skipped = all.size();
            this.skips = all.stream().limit(MAX_SKIPS_LISTED).toList();
            return this;
        }

        PollSummary build() {
            return new PollSummary(
                    accountId,
                    startedAt,
                    finishedAt,
                    outcome,
                    detail,
                    pagesFetched,
                    postsSeen,
                    newestPostAt,
                    newPosts,
                    newVersions,
                    suspects,
                    rechecks,
                    deleted,
                    restored,
                    unknown,
                    mediaDownloaded,
                    mediaFailed,
                    events,
                    mediaDeferred,
                    skipped,
                    skips);
        }
    }
}
