package dev.afterimage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Every capability reads the time from one {@link Clock}, so tests can drive the service through time. It ticks in
 * microseconds, the precision the databases keep: an instant read back from a row then compares equal to the one
 * written, never half a microsecond later.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
