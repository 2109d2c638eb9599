package dev.afterimage.watch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The pause before a claim loop's next turn, drawn anew every turn between half of {@code claimEvery} and all of it.
 * At a fixed beat, two instances' loops keep the same phase against the accounts' due times, which are on a fixed beat
 * too: the instance whose turns fall just after them claims every account, turn after turn, while the other idles.
 * A drawn pause moves the phases every turn, so every instance that has poll threads free gets its share.
 *
 * @param claimEvery the longest pause, so a due account waits at most that long for a loop to look
 */
record ClaimPause(Duration claimEvery) {

    ClaimPause {
        if (claimEvery.isNegative() || claimEvery.isZero()) {
            throw new IllegalArgumentException("afterimage.watch.claim-every must be positive, got " + claimEvery);
        }
    }

    long nextMillis(RandomGenerator random) {
        long everyMillis = Math.max(1, claimEvery.toMillis());
        return random.nextLong(everyMillis / 2, everyMillis + 1);
    }
}
