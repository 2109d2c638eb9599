package dev.afterimage.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a deleted post disappeared, as closely as the polls can say: after it was last seen, and no later than the
 * first poll that missed it.
 */
record DeletionWindow(Instant lastSeen, Instant firstMissed) {

    /**
     * @param missingSince when an earlier poll first missed the post, or null when this poll is the first
     * @param missedNow when this poll's listing was read
     */
    static DeletionWindow of(Instant lastSeen, Instant missingSince, Instant missedNow) {
        return new DeletionWindow(lastSeen, missingSince != null ? missingSince : missedNow);
    }

    /** How long the post lived, or empty when the platform gave no publication time. */
    Optional<Lifetime> lifetime(Instant publishedAt) {
        if (publishedAt == null) {
            return Optional.empty();
        }
        Duration atLeast = Duration.between(publishedAt, lastSeen);
        Duration atMost = Duration.between(publishedAt, firstMissed);
        return Optional.of(new Lifetime(atLeast.toSeconds(), atMost.toSeconds(), Lifetimes.describe(atLeast, atMost)));
    }

    /** @param words e.g. "57 min" or "2 h to 3 h" */
    record Lifetime(long atLeastSeconds, long atMostSeconds, String words) {}
}
