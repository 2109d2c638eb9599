package dev.afterimage.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private static final Instant NOW = Instant.parse("2017-11-14T10:00:00Z");
    private static final List<Duration> DELAYS =
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(3));

    @Test
    void waitsGrowWithEachFailureAndTheLastRepeats() {
        DeliveryBackoff exact = new DeliveryBackoff(DELAYS, 0);

        assertEquals(NOW.plusSeconds(5), exact.next(1, NOW, Optional.empty()));
        assertEquals(NOW.plusSeconds(30), exact.next(2, NOW, Optional.empty()));
        assertEquals(NOW.plus(Duration.ofHours(3)), exact.next(3, NOW, Optional.empty()));
        assertEquals(NOW.plus(Duration.ofHours(3)), exact.next(9, NOW, Optional.empty()));
    }

    @Test
    void retryAfterIsNeverUndercut() {
        DeliveryBackoff exact = new DeliveryBackoff(DELAYS, 0);

        assertEquals(NOW.plusSeconds(120), exact.next(1, NOW, Optional.of(Duration.ofSeconds(120))));
        assertEquals(NOW.plusSeconds(30), exact.next(2, NOW, Optional.of(Duration.ofSeconds(10))));
    }

    @Test
    void jitterStaysWithinItsShare() {
        DeliveryBackoff jittered = new DeliveryBackoff(DELAYS, 0.2);
        boolean varied = false;
        Instant first = jittered.next(2, NOW, Optional.empty());
        for (int i = 0; i < 200; i++) {
            Instant next = jittered.next(2, NOW, Optional.empty());
            assertFalse(next.isBefore(NOW.plusSeconds(24)), next.toString());
            assertFalse(next.isAfter(NOW.plusSeconds(36)), next.toString());
            varied |= !next.equals(first);
        }
        assertTrue(varied);
    }
}
