package dev.afterimage.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a few failures of one name from one client, each further attempt must wait, twice as
 * long after every failure. Kept in memory: a restart forgives, which costs an attacker a restart per few guesses.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Far more than one person's typos; beyond it the oldest entries are dropped so a flood cannot fill memory. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant retryAt) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityConfig config;
    private final Clock clock;

    LoginThrottle(SecurityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long this name from this client must still wait before its password is checked at all. */
    public Optional<Duration> wait(String name, String client) {
        Failures seen = failures.get(key(name, client));
        if (seen == null || seen.retryAt() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.retryAt());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void failed(String name, String client) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key(name, client), (key, seen) -> {
            int count = seen == null ? 1 : seen.count() + 1;
            int beyond = count - config.loginFailuresBeforeDelay();
            if (beyond < 0) {
                return new Failures(count, null);
            }
            Duration delay = config.loginDelay().multipliedBy(1L << Math.min(beyond, 20));
            if (delay.compareTo(config.loginMaxDelay()) > 0) {
                delay = config.loginMaxDelay();
            }
            return new Failures(count, clock.instant().plus(delay));
        });
    }

    void succeeded(String name, String client) {
        failures.remove(key(name, client));
    }

    private static String key(String name, String client) {
        return name.strip().toLowerCase(Locale.ROOT) + "\n" + client;
    }
}
