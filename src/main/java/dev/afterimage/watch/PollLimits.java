package dev.afterimage.watch;

import java.time.Duration;

/**
 * What one poll may still spend: media downloads, and time until its deadline. Time is measured on the monotonic
 * clock, which no step of the wall clock moves.
 */
final class PollLimits {

    private final Duration deadline;
    private final long startNanos = System.nanoTime();
    private int mediaFetchesLeft;

    PollLimits(Duration deadline, int mediaFetches) {
        this.deadline = deadline;
        this.mediaFetchesLeft = mediaFetches;
    }

    boolean pastDeadline() {
        return System.nanoTime() - startNanos > deadline.toNanos();
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
