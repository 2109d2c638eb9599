package dev.afterimage.testkit;

import dev.afterimage.source.http.FetchConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@link FetchConfig.Politeness} for plain unit tests. */
public record FixedPoliteness(
        int maxConcurrent, double requestsPerSecond, Duration maxWait, Map<String, FetchConfig.HostCaps> hosts)
        implements FetchConfig.Politeness {

    /** The production defaults. */
    public static final FixedPoliteness DEFAULTS = new FixedPoliteness(8, 20, Duration.ofSeconds(30), Map.of());

    /** Caps for one host, the defaults for the others. */
    public static FixedPoliteness forHost(String host, int maxConcurrent, double requestsPerSecond, Duration maxWait) {
        return new FixedPoliteness(
                DEFAULTS.maxConcurrent,
                DEFAULTS.requestsPerSecond,
                maxWait,
                Map.of(host, new Caps(Optional.of(maxConcurrent), Optional.of(requestsPerSecond))));
    }

    public record Caps(Optional<Integer> maxConcurrent, Optional<Double> requestsPerSecond)
            implements FetchConfig.HostCaps {}
}
