package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollCadenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final PollCadence cadence = new PollCadence(Duration.ofDays(1), Duration.ofMinutes(15));

    @Test
    void anAccountThatPostedTodayIsPolledAtItsInterval() {
        assertEquals(MINUTE, cadence.interval(MINUTE, Optional.of(NOW.minus(Duration.ofHours(3))), NOW));
    }

    @Test
    void eachQuietDayHalvesThePaceDownToTheBound() {
        assertEquals(Duration.ofMinutes(2), cadence.interval(MINUTE, posted(Duration.ofHours(25)), NOW));
        assertEquals(Duration.ofMinutes(4), cadence.interval(MINUTE, posted(Duration.ofDays(2)), NOW));
        assertEquals(Duration.ofMinutes(8), cadence.interval(MINUTE, posted(Duration.ofDays(3)), NOW));
        assertEquals(Duration.ofMinutes(15), cadence.interval(MINUTE, posted(Duration.ofDays(4)), NOW));
        assertEquals(Duration.ofMinutes(15), cadence.interval(MINUTE, posted(Duration.ofDays(400)), NOW));
    }

    @Test
    void anAccountNeverSeenPostingKeepsItsInterval() {
        assertEquals(MINUTE, cadence.interval(MINUTE, Optional.empty(), NOW));
    }

    @Test
    void anIntervalAtOrAboveTheBoundIsNeverStretched() {
        assertEquals(Duration.ofHours(1), cadence.interval(Duration.ofHours(1), posted(Duration.ofDays(30)), NOW));
        assertEquals(
                Duration.ofMinutes(15), cadence.interval(Duration.ofMinutes(15), posted(Duration.ofDays(30)), NOW));
    }

    @Test
    void theNextPollKeepsTheBeatOfTheDueTime() {
        Instant due = NOW.minusSeconds(3);
        assertEquals(due.plus(MINUTE), cadence.next(due, MINUTE, posted(Duration.ofMinutes(5)), NOW));
    }

    @Test
    void aPollThatRanPastItsNextDueTimeIsDueAtOnceNotInThePast() {
        Instant due = NOW.minus(Duration.ofMinutes(5));
        assertEquals(NOW, cadence.next(due, MINUTE, posted(Duration.ofMinutes(5)), NOW));
    }

    @Test
    void aQuietPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PollCadence(Duration.ZERO, Duration.ofMinutes(15)));
    }

    private static Optional<Instant> posted(Duration ago) {
        return Optional.of(NOW.minus(ago));
    }
}
