package dev.afterimage.source.x;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How X is read ({@code afterimage.platforms.x.*}): API v2 with an app's bearer token. */
@ConfigMapping(prefix = "afterimage.platforms.x")
public interface XConfig {

    /** The API v2 host; tests point it at a stand-in. Post URLs stay https://x.com/... */
    @WithDefault("https://api.x.com")
    String baseUrl();

    /** The app's bearer token; without one, X accounts cannot be watched. */
    Optional<String> bearerToken();

    /**
     * Tweets per timeline page ({@code max_results}, 5 to 100). X's monthly post cap counts every post an answer
     * returns (once a day per post), so a quiet account costs about this many posts a day; a smaller page spends
     * fewer posts and more requests on busy accounts.
     */
    @WithDefault("20")
    int pageSize();

    /** Poll interval of X accounts that name none: at 60 s the timeline requests alone would spend a Basic project's monthly quota on one account. */
    @WithDefault("PT5M")
    Duration defaultPollInterval();
}
