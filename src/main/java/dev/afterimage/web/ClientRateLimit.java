package dev.afterimage.web;

import dev.afterimage.security.PublicArchiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Requests per client per minute to the public archive: enough to read it, too few to mirror it. */
@ApplicationScoped
public class ClientRateLimit {

    /** Clients tracked at once; beyond it the table starts over, so a flood of addresses cannot fill memory. */
    private static final int MAX_CLIENTS = 50_000;

    private static final long MINUTE_MILLIS = 60_000;

    private record Window(long minute, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final PublicArchiveConfig config;
    private final Clock clock;

    ClientRateLimit(PublicArchiveConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts a request; answers the seconds to wait when the client is over its budget. */
    public OptionalLong admit(String client) {
        if (windows.size() >= MAX_CLIENTS) {
            windows.clear();
        }
        long now = clock.millis();
        long minute = now / MINUTE_MILLIS;
        Window window = windows.merge(
                client,
                new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        if (window.count() <= config.publicRequestsPerMinute()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, ((minute + 1) * MINUTE_MILLIS - now) / 1000));
    }
}
