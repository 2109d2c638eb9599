package dev.afterimage.source.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Pauses all Graph API requests after a rate-limit answer. The Graph API says "slow down" with an error code in an
 * HTTP 400/403 rather than a 429, so the web client's back-off never sees it; and calls made while throttled
 * count against the limit too, so the pause lasts until Meta's own estimate ({@code estimated_time_to_regain_access}
 * in {@code X-Business-Use-Case-Usage}, in minutes) or, without one, a fixed while.
 */
final class GraphThrottle {

    /** Application (4), user (17), page (32), custom (613) and Pages business-use-case (80001...) limits. */
    private static final Set<Integer> LIMIT_CODES = Set.of(4, 17, 32, 613, 80001, 80002, 80005, 80006, 80008, 80014);

    /** Meta's usage windows are an hour wide; a tenth of that sheds load without losing a morning of polls. */
    static final Duration DEFAULT_PAUSE = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    GraphThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Why no request may be sent now, or empty when requests may go. */
    Optional<String> paused() {
        Instant until = pausedUntil;
        return clock.instant().isBefore(until)
                ? Optional.of("rate limited: the Graph API said to slow down; requests paused until " + until)
                : Optional.empty();
    }

    /** Pauses when the answer is a rate-limit error. */
    void record(Optional<GraphError> error, String businessUseCaseUsage) {
        if (error.isEmpty() || !LIMIT_CODES.contains(error.get().code())) {
            return;
        }
        Duration pause = regainAccessIn(businessUseCaseUsage).orElse(DEFAULT_PAUSE);
        pausedUntil = clock.instant().plus(pause);
    }

    /**
     * The longest {@code estimated_time_to_regain_access} in the header
     * {@code {"<id>":[{"type":"pages","call_count":100,...,"estimated_time_to_regain_access":17}]}}.
     */
    private static Optional<Duration> regainAccessIn(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long minutes = 0;
            for (JsonNode usages : JSON.readTree(header)) {
                for (JsonNode usage : usages) {
                    minutes = Math.max(
                            minutes,
                            usage.path("estimated_time_to_regain_access").asLong(0));
                }
            }
            return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
