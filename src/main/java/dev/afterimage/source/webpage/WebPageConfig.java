package dev.afterimage.source.webpage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How hard a news page without a feed is read. */
@ConfigMapping(prefix = "afterimage.platforms.web")
public interface WebPageConfig {

    /**
     * Item pages fetched per listing page. Every item costs one request per poll (its body is only on its own page),
     * so this caps what one poll of a long news page costs the publisher's server; the items past it are the oldest
     * on the page and are left for the decaying re-checks.
     */
    @WithDefault("30")
    int maxItemsPerPage();

    /** Poll interval of web pages that name none: each poll fetches every item's page, about 20 requests to a ministry's own server. */
    @WithDefault("PT10M")
    Duration defaultPollInterval();
}
