package dev.afterimage.watch;

import java.time.Instant;
import java.util.Optional;

/**
 * How a scheduled poll ends its claim ({@link PollScheduler}), given the newest publication time its listing showed:
 * in the transaction that records the poll, or in one of its own when the poll's record is written later, in the
 * background, or not at all. At most one of the two runs for a poll; where neither did (the poll failed before it
 * recorded), the scheduler ends the claim itself.
 */
interface ClaimEnd {

    /** For a poll nothing claimed. */
    ClaimEnd NONE = new ClaimEnd() {
        @Override
        public void withRecord(Optional<Instant> newestPost) {}

        @Override
        public void alone(Optional<Instant> newestPost) {}
    };

    /** Inside the transaction that records the poll. */
    void withRecord(Optional<Instant> newestPost);

    /** In a transaction of its own, on the poll's thread. */
    void alone(Optional<Instant> newestPost);
}
