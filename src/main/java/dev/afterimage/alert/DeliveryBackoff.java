package dev.afterimage.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed delivery is tried again. */
final class DeliveryBackoff {

    private final List<Duration> delays;
    private final double jitter;

    DeliveryBackoff(List<Duration> delays, double jitter) {
        if (delays.isEmpty() || delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException(
                    "afterimage.webhooks.retry-delays must be positive durations, got " + delays);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (at least one)
     * @param retryAfter what the receiver asked for (429/503), which is never undercut
     */
    Instant next(int failedAttempts, Instant now, Optional<Duration> retryAfter) {
        Duration base = delays.get(Math.min(failedAttempts, delays.size()) - 1);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        Instant scheduled = now.plusMillis(Math.max(1, Math.round(base.toMillis() * factor)));
        Instant asked = retryAfter.map(now::plus).orElse(scheduled);
        return asked.isAfter(scheduled) ? asked : scheduled;
    }
}
