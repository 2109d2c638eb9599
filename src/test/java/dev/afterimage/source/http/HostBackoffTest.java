package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostBackoffTest {

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final HostBackoff backoff = new HostBackoff(clock, Duration.ofSeconds(60), Duration.ofHours(1));

    @Test
    void retryAfterSecondsBlocksHostUntilItPasses() {
        backoff.record("example.com", 429, "120");

        assertEquals(Optional.of(START.plusSeconds(120)), backoff.blockedUntil("example.com"));
        clock.advance(Duration.ofSeconds(120));
        assertEquals(Optional.empty(), backoff.blockedUntil("example.com"));
    }

    @Test
    void retryAfterHttpDateBlocksHostUntilThatDate() {
        backoff.record("example.com", 503, "Sun, 01 Jun 2025 12:05:00 GMT");

        assertEquals(Optional.of(Instant.parse("2025-06-01T12:05:00Z")), backoff.blockedUntil("example.com"));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsTheDefault() {
        backoff.record("example.com", 429, null);

        assertEquals(Optional.of(START.plusSeconds(60)), backoff.blockedUntil("example.com"));
    }

    @Test
    void unreadableRetryAfterWaitsTheDefault() {
        backoff.record("example.com", 503, "soon");

        assertEquals(Optional.of(START.plusSeconds(60)), backoff.blockedUntil("example.com"));
    }

    @Test
    void hostCannotAskForMoreThanTheCap() {
        backoff.record("example.com", 429, "999999999999999999999");

        assertEquals(Optional.of(START.plus(Duration.ofHours(1))), backoff.blockedUntil("example.com"));
    }

    @Test
    void bareServiceUnavailableDoesNotBlock() {
        backoff.record("example.com", 503, null);

        assertEquals(Optional.empty(), backoff.blockedUntil("example.com"));
    }

    @Test
    void retryAfterOnOtherStatusesIsIgnored() {
        backoff.record("example.com", 200, "120");
        backoff.record("example.com", 301, "120");

        assertEquals(Optional.empty(), backoff.blockedUntil("example.com"));
    }

    @Test
    void dateInThePastDoesNotBlock() {
        backoff.record("example.com", 429, "Sun, 01 Jun 2025 11:00:00 GMT");

        assertEquals(Optional.empty(), backoff.blockedUntil("example.com"));
    }

    @Test
    void shorterLaterRequestDoesNotShortenTheWait() {
        backoff.record("example.com", 429, "600");
        backoff.record("example.com", 429, "10");

        assertEquals(Optional.of(START.plusSeconds(600)), backoff.blockedUntil("example.com"));
    }

    @Test
    void otherHostsAreNotBlocked() {
        backoff.record("example.com", 429, "120");

        assertEquals(Optional.empty(), backoff.blockedUntil("example.org"));
    }

    @Test
    void anExhaustedRateLimitWindowBlocksHostUntilItResetsEvenOnSuccess() {
        backoff.recordResponse(
                "mastodon.example",
                200,
                okhttp3.Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2025-06-01T12:04:00.000Z"));

        assertEquals(Optional.of(Instant.parse("2025-06-01T12:04:00Z")), backoff.blockedUntil("mastodon.example"));
    }

    @Test
    void aRateLimitWindowWithRequestsLeftBlocksNothing() {
        backoff.recordResponse(
                "api.x.example",
                200,
                okhttp3.Headers.of("x-rate-limit-remaining", "14", "x-rate-limit-reset", "1748779800"));

        assertEquals(Optional.empty(), backoff.blockedUntil("api.x.example"));
    }

    @Test
    void xsPerEndpointWindowParksTheHostOnlyWhenARequestIsRefusedAndThenUntilItsEpochReset() {
        backoff.recordResponse(
                "api.x.example",
                200,
                okhttp3.Headers.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", "1748779800"));
        assertEquals(Optional.empty(), backoff.blockedUntil("api.x.example"));

        backoff.recordResponse(
                "api.x.example",
                429,
                okhttp3.Headers.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", "1748779800"));

        assertEquals(Optional.of(Instant.ofEpochSecond(1748779800)), backoff.blockedUntil("api.x.example"));
    }
}
