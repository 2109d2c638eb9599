package dev.afterimage.watch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What one poll may still spend: media downloads, and time until its deadline. Time is measured on the monotonic
 * clock, which no step of the wall clock moves.
 */
final class PollLimits {

    private final Duration deadline;
    private final BooleanSupplier wrappingUp;
    private final long startNanos = System.nanoTime();
    private int mediaFetchesLeft;

    /** @param wrappingUp true once the service is stopping: the poll then ends as if its deadline had passed */
    PollLimits(Duration deadline, int mediaFetches, BooleanSupplier wrappingUp) {
        this.deadline = deadline;
        this.mediaFetchesLeft = mediaFetches;
        this.wrappingUp = wrappingUp;
    }

    boolean pastDeadline() {
        return wrappingUp.getAsBoolean() || System.nanoTime() - startNanos > deadline.toNanos();
    }

    Duration deadline() {
        return deadline;
    }

    /** Takes one media download from the poll's allowance; false when none is left or the deadline passed. */
    boolean takeMediaFetch() {
        if (mediaFetchesLeft <= 0 || pastDeadline()) {
            return false;
        }
        mediaFetchesLeft--;
        return true;
    }
}
