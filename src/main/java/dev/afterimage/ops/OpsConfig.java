package dev.afterimage.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "afterimage.ops")
public interface OpsConfig {

    /** How often the gauges at {@code /q/metrics} are read from the database. */
    @WithDefault("30s")
    Duration gaugesEvery();

    /** Readiness is down when the media store's file system has less free space than this, in bytes. */
    @WithDefault("268435456")
    long minFreeBytes();

    /** Readiness is down when a webhook delivery has been due this long without being sent: the dispatcher is stuck. */
    @WithDefault("5m")
    Duration dispatcherStuckAfter();
}
