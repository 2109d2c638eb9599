package dev.afterimage.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How alerts are delivered to webhook endpoints. */
@ConfigMapping(prefix = "afterimage.webhooks")
public interface WebhooksConfig {

    /**
     * Waits between attempts of one delivery; the last repeats. Quick at first, for a receiver that blinked, then
     * hours apart, for one that is down for the day.
     */
    @WithDefault("PT5S,PT30S,PT2M,PT10M,PT30M,PT1H,PT3H")
    List<Duration> retryDelays();

    /** How long a delivery is retried before it is marked failed (and left for a retry by hand): a receiver may be down a whole day. */
    @WithDefault("PT27H")
    Duration retryFor();

    /** An endpoint that has not accepted anything for this long is disabled, with an event saying so. */
    @WithDefault("P3D")
    Duration disableAfter();

    /** Whole-request limit per attempt: a slow receiver costs at most this, and only its own queue. */
    @WithDefault("PT15S")
    Duration timeout();

    /** Share of each wait added or taken at random, so retries of many deliveries do not arrive in bursts. */
    @WithDefault("0.2")
    double jitter();

    /** How often the dispatcher looks for due deliveries besides being woken by each commit that queues some. */
    @WithDefault("1s")
    Duration dispatchEvery();
}
