package dev.afterimage.source.x;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How X's Activity API pushes the watched accounts' {@code post.create} and {@code post.delete} events
 * ({@code afterimage.platforms.x.activity.*}). Pushes only say when to look; polling goes on as the fallback.
 */
@ConfigMapping(prefix = "afterimage.platforms.x.activity")
public interface XActivityConfig {

    /** How events arrive. */
    enum Mode {
        /** A persistent HTTP stream ({@code GET /2/activity/stream}) Afterimage opens: no public address needed. */
        STREAM,
        /** X POSTs events to {@code <afterimage.public-url>/hooks/x-activity}, which must be reachable from X. */
        WEBHOOK
    }

    /** Whether watched X accounts are subscribed to at all (needs the bearer token). */
    @WithDefault("true")
    boolean enabled();

    /** {@code stream} (default) or {@code webhook}. */
    @WithDefault("stream")
    Mode mode();

    /**
     * The app's consumer secret (API key secret): X signs webhook deliveries and its CRC challenge with it. Required
     * in webhook mode; without it every webhook delivery is refused.
     */
    Optional<String> consumerSecret();

    /** X sends a keep-alive about every 20 s; a stream silent for this long is taken as dead and reopened. */
    @WithDefault("PT60S")
    Duration idleTimeout();

    /** The first wait before reopening a dropped stream; doubled on every failure in a row. */
    @WithDefault("PT1S")
    Duration firstRetry();

    /** The longest wait between attempts to reopen the stream or re-subscribe. */
    @WithDefault("PT5M")
    Duration lastRetry();

    /** How often the watched accounts are re-read and missing subscriptions created. */
    @WithDefault("PT1M")
    Duration refreshEvery();
}
