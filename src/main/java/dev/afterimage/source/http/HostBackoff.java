package dev.afterimage.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Headers;

/**
 * Hosts that told us to slow down (429, 503 with Retry-After, or a rate-limit window used up) and until when.
 * Asking again early risks a longer ban, and the answer would be the same refusal.
 */
final class HostBackoff {

    private final Clock clock;
    private final Duration defaultWait;
    private final Duration maxWait;
    private final ConcurrentMap<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    HostBackoff(Clock clock, Duration defaultWait, Duration maxWait) {
        this.clock = clock;
        this.defaultWait = defaultWait;
        this.maxWait = maxWait;
    }

    /** The instant {@code host} asked us to wait until, while that is still ahead. */
    Optional<Instant> blockedUntil(String host) {
        Instant until = blockedUntil.get(host);
        if (until == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(until)) {
            blockedUntil.remove(host, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    /**
     * Remembers what a response from {@code host} asked of us: its status and {@code Retry-After}, and the
     * {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} pair that Mastodon sends with every answer (X: {@code
     * x-rate-limit-remaining} / {@code x-rate-limit-reset}).
     */
    void recordResponse(String host, int status, Headers headers) {
        record(host, status, headers.get("Retry-After"));
        RateLimitWindow.exhaustedUntil(headers.get("X-RateLimit-Remaining"), headers.get("X-RateLimit-Reset"))
                // X spells them with one more dash, and counts them per endpoint: one used-up endpoint must not stop
                // the others, so only a refusal (429) parks the host until its window ends.
                .or(() -> status == 429
                        ? RateLimitWindow.exhaustedUntil(
                                headers.get("X-Rate-Limit-Remaining"), headers.get("X-Rate-Limit-Reset"))
                        : Optional.empty())
                .ifPresent(until -> block(host, Duration.between(clock.instant(), until)));
    }

    /**
     * Remembers what a response from {@code host} asked of us. A 429 always means wait (how long the header
     * says, else the default); a 503 only when it says Retry-After, because a bare 503 is often a one-off.
     */
    void record(String host, int status, String retryAfter) {
        if (status != 429 && !(status == 503 && retryAfter != null)) {
            return;
        }
        Instant now = clock.instant();
        block(host, RetryAfter.parse(retryAfter, now, maxWait).orElse(defaultWait));
    }

    private void block(String host, Duration requested) {
        Instant now = clock.instant();
        Duration wait = requested;
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        blockedUntil.merge(host, now.plus(wait), (earlier, later) -> earlier.isAfter(later) ? earlier : later);
    }
}
