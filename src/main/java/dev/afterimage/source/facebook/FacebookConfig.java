package dev.afterimage.source.facebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How Facebook Pages are read ({@code afterimage.platforms.facebook.*}): the Graph API with a page or app token. */
@ConfigMapping(prefix = "afterimage.platforms.facebook")
public interface FacebookConfig {

    /** The Graph API host; tests point it at a stand-in. Post URLs stay https://www.facebook.com/... */
    @WithDefault("https://graph.facebook.com")
    String baseUrl();

    /** The Graph API version every request names. */
    @WithDefault("v23.0")
    String apiVersion();

    /** A page or app access token; without one, Facebook Pages cannot be watched. */
    Optional<String> accessToken();

    /** Poll interval of Pages that name none: Graph rate limits are per app or per Page, and Pages seldom post every minute. */
    @WithDefault("PT5M")
    Duration defaultPollInterval();
}
