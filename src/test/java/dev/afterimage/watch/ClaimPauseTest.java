package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ClaimPauseTest {

    private static final long EVERY_MILLIS = 1_000;
    private static final long INTERVAL_MILLIS = 4_000;

    @Test
    void pausesStayWithinHalfToAllOfClaimEveryAndVary() {
        ClaimPause pause = new ClaimPause(Duration.ofMillis(EVERY_MILLIS));
        RandomGenerator random = new SplittableRandom(7);
        long[] pauses = new long[1_000];
        Arrays.setAll(pauses, i -> pause.nextMillis(random));
        long shortest = Arrays.stream(pauses).min().orElseThrow();
        long longest = Arrays.stream(pauses).max().orElseThrow();
        assertAll(
                () -> assertTrue(shortest >= EVERY_MILLIS / 2, "shortest pause " + shortest),
                () -> assertTrue(longest <= EVERY_MILLIS, "longest pause " + longest),
                () -> assertTrue(
                        longest - shortest > EVERY_MILLIS / 4, "pauses barely vary: " + shortest + "–" + longest));
    }

    /**
     * Two instances, their loops a tenth of a second apart, and accounts due every 4 s half a second after the first
     * instance's turns: at a fixed beat the first instance would claim every one of them.
     */
    @Test
    void twoInstancesAtTheSameBeatBothClaim() {
        ClaimPause pause = new ClaimPause(Duration.ofMillis(EVERY_MILLIS));
        RandomGenerator random = new SplittableRandom(11);
        LongSupplier next = () -> pause.nextMillis(random);
        long[] turns = {600, 700};
        int[] claimed = new int[2];
        for (long due = 500; due < 60 * INTERVAL_MILLIS; due += INTERVAL_MILLIS) {
            for (int instance = 0; instance < 2; instance++) {
                while (turns[instance] < due) {
                    turns[instance] += next.getAsLong();
                }
            }
            claimed[turns[0] <= turns[1] ? 0 : 1]++;
        }
        assertTrue(claimed[0] > 10 && claimed[1] > 10, "claims per instance: " + Arrays.toString(claimed));
    }

    @Test
    void refusesANonPositiveClaimEvery() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimPause(Duration.ZERO));
    }
}
