package dev.afterimage.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How accounts are polled. */
@ConfigMapping(prefix = "afterimage.watch")
public interface WatchConfig {

    /** Poll interval of an account that does not name one; 60 s finds a deletion within two minutes. */
    @WithDefault("PT60S")
    Duration defaultPollInterval();

    /** The shortest interval an account may ask for, to stay a polite client of the platform. */
    @WithDefault("PT10S")
    Duration minPollInterval();

    /** The longest interval an account may ask for: a watch that looks once a week is no watch. */
    @WithDefault("P1D")
    Duration maxPollInterval();

    /** Share of the interval by which each account's schedule is shifted at random, so accounts do not poll in lockstep. */
    @WithDefault("0.2")
    double jitter();

    /** How far back each poll walks the listing; a post that vanishes within this window is noticed within one poll. */
    @WithDefault("P7D")
    Duration window();

    /** Most listing pages one poll may read, so a prolific account cannot make one poll endless. */
    @WithDefault("20")
    int maxPages();

    /** Whether accounts are polled on their schedule; off only in tests that drive polls by hand. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** A YAML file listing accounts to watch, applied at start-up and whenever it changes. */
    Optional<Path> watchlist();

    /** How often the watchlist file is looked at for changes: one cheap read, quick enough for a person editing it. */
    @WithDefault("10s")
    Duration watchlistCheckEvery();
}
