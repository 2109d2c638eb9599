package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecheckScheduleTest {

    private static final Instant PUBLISHED = Instant.parse("2017-11-14T10:00:00Z");
    private final RecheckSchedule schedule = new RecheckSchedule(List.of(
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)));

    @Test
    void nextCheckIsTheFirstAgeStillAhead() {
        assertEquals(PUBLISHED.plus(Duration.ofHours(1)), schedule.next(PUBLISHED, PUBLISHED.plusSeconds(60)));
        assertEquals(PUBLISHED.plus(Duration.ofDays(7)), schedule.next(PUBLISHED, PUBLISHED.plus(Duration.ofDays(2))));
        assertEquals(PUBLISHED.plus(Duration.ofDays(30)), schedule.next(PUBLISHED, PUBLISHED.plus(Duration.ofDays(7))));
    }

    @Test
    void afterTheLastAgeChecksKeepTheLastSpacing() {
        assertEquals(
                PUBLISHED.plus(Duration.ofDays(53)), schedule.next(PUBLISHED, PUBLISHED.plus(Duration.ofDays(30))));
        assertEquals(
                PUBLISHED.plus(Duration.ofDays(76)), schedule.next(PUBLISHED, PUBLISHED.plus(Duration.ofDays(60))));
    }

    @Test
    void unknownPublicationTimeHasNoSchedule() {
        assertNull(schedule.next(null, PUBLISHED));
    }
}
