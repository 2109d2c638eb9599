package dev.afterimage.detect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How detection decides when to look again and when a watcher counts as failing. */
@ConfigMapping(prefix = "afterimage.detect")
public interface DetectConfig {

    /**
     * Ages after publication at which a post older than the watch window is asked about by permalink; after
     * the last one it is asked again at that same spacing. Deletions cluster soon after publication, so the
     * checks thin out with age.
     */
    @WithDefault("PT1H,PT6H,P1D,P7D,P30D")
    List<Duration> recheckAges();

    /** Permalink re-checks one poll may spend, so a long backlog cannot turn one poll into thousands of requests. */
    @WithDefault("50")
    int maxRechecksPerPoll();

    /**
     * Suspects one poll may ask about. A listing whose markup changed can make every archived post look missing;
     * asking about all of them at once would only get the host to rate-limit every account.
     */
    @WithDefault("100")
    int maxSuspectsPerPoll();

    /** Consecutive polls that must end unknown before the watch is reported failing; one bad poll is noise. */
    @WithDefault("3")
    int failingAfterPolls();

    /** How long polls must have been ending unknown before the watch is reported failing; short outages are noise. */
    @WithDefault("PT10M")
    Duration failingAfter();
}
