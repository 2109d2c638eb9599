package dev.afterimage.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an account is next polled. One that posted lately is polled at its interval; one quiet for a day is polled
 * half as often, for two days a quarter as often, and so on down to {@code quietMaxInterval}; its first new post
 * brings it back to its interval at the next poll. An account never seen posting keeps its interval.
 *
 * @param quietAfter how long without a post makes an account quiet, and each further step slower
 * @param quietMaxInterval the longest a quiet account waits between polls; no longer than its interval turns this off
 */
record PollCadence(Duration quietAfter, Duration quietMaxInterval) {

    private static final int MAX_DOUBLINGS = 20;

    PollCadence {
        if (quietAfter.isNegative() || quietAfter.isZero()) {
            throw new IllegalArgumentException("afterimage.watch.quiet-after must be positive, got " + quietAfter);
        }
    }

    /** The wait after a poll of an account with this interval, last seen posting at {@code postedAt}. */
    Duration interval(Duration interval, Optional<Instant> postedAt, Instant now) {
        if (postedAt.isEmpty() || quietMaxInterval.compareTo(interval) <= 0) {
            return interval;
        }
        long steps = Duration.between(postedAt.get(), now).dividedBy(quietAfter);
        if (steps <= 0) {
            return interval;
        }
        Duration slowed = interval.multipliedBy(1L << Math.min(steps, MAX_DOUBLINGS));
        return slowed.compareTo(quietMaxInterval) < 0 ? slowed : quietMaxInterval;
    }

    /** When the poll that was due at {@code due} and ended at {@code now} is next due: on its beat, never in the past. */
    Instant next(Instant due, Duration interval, Optional<Instant> postedAt, Instant now) {
        Instant next = due.plus(interval(interval, postedAt, now));
        return next.isBefore(now) ? now : next;
    }
}
