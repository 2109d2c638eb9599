package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitWindowTest {

    @Test
    void anExhaustedMastodonWindowEndsAtItsIsoResetTime() {
        assertEquals(
                Optional.of(Instant.parse("2026-11-21T15:30:00Z")),
                RateLimitWindow.exhaustedUntil("0", "2026-11-21T15:30:00.000000Z"));
    }

    @Test
    void anExhaustedXWindowEndsAtItsEpochSecondReset() {
        assertEquals(
                Optional.of(Instant.ofEpochSecond(1_795_000_000L)), RateLimitWindow.exhaustedUntil("0", "1795000000"));
    }

    @Test
    void aWindowWithRequestsLeftOrUnreadableHeadersAsksNothing() {
        assertEquals(Optional.empty(), RateLimitWindow.exhaustedUntil("12", "1795000000"));
        assertEquals(Optional.empty(), RateLimitWindow.exhaustedUntil(null, "1795000000"));
        assertEquals(Optional.empty(), RateLimitWindow.exhaustedUntil("0", null));
        assertEquals(Optional.empty(), RateLimitWindow.exhaustedUntil("none", "1795000000"));
        assertEquals(Optional.empty(), RateLimitWindow.exhaustedUntil("0", "soon"));
    }
}
