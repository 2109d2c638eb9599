package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeletionWindowTest {

    private static final Instant PUBLISHED = Instant.parse("2017-11-14T09:00:00Z");
    private static final Instant LAST_SEEN = PUBLISHED.plus(Duration.ofMinutes(55));

    @Test
    void firstPollToMissThePostClosesTheWindow() {
        Instant now = PUBLISHED.plus(Duration.ofMinutes(57));

        assertEquals(new DeletionWindow(LAST_SEEN, now), DeletionWindow.of(LAST_SEEN, null, now));
    }

    @Test
    void anEarlierMissClosesItSoonerThanTheConfirmation() {
        Instant missedEarlier = PUBLISHED.plus(Duration.ofMinutes(56));
        Instant confirmedLater = PUBLISHED.plus(Duration.ofHours(5));

        assertEquals(
                missedEarlier,
                DeletionWindow.of(LAST_SEEN, missedEarlier, confirmedLater).firstMissed());
    }

    @Test
    void lifetimeRunsFromPublicationToEachEndOfTheWindow() {
        DeletionWindow window = DeletionWindow.of(LAST_SEEN, null, PUBLISHED.plus(Duration.ofMinutes(57)));

        assertEquals(
                Optional.of(new DeletionWindow.Lifetime(55 * 60, 57 * 60, "55 min to 57 min")),
                window.lifetime(PUBLISHED));
    }

    @Test
    void windowInsideOneMinuteIsSaidOnce() {
        DeletionWindow window = DeletionWindow.of(LAST_SEEN, null, LAST_SEEN.plusSeconds(20));

        assertEquals("55 min", window.lifetime(PUBLISHED).orElseThrow().words());
    }

    @Test
    void postWithoutPublicationTimeHasNoLifetime() {
        assertEquals(
                Optional.empty(), DeletionWindow.of(LAST_SEEN, null, LAST_SEEN).lifetime(null));
    }
}
