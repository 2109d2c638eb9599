package dev.afterimage.source.webpage;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ColumnWidth;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.http.WebUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * News pages without a feed: the handle is the listing page's URL, an item's id is its own page's URL, and each
 * account names the CSS selectors its page is read with ({@link WebPageOptions}).
 */
@ApplicationScoped
public class WebPageNaming implements PlatformNaming {

    private final Duration defaultPollInterval;

    public WebPageNaming(WebPageConfig config) {
        this.defaultPollInterval = config.defaultPollInterval();
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public Optional<Duration> defaultPollInterval() {
        return Optional.of(defaultPollInterval);
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        return WebUrls.normalise(handle).filter(url -> url.length() <= ColumnWidth.NAME);
    }

    /** Any page could be a news page: only {@code platform: web} with its selectors says which one is. */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        return Optional.empty();
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return account.handle();
    }

    /** An item's id is its page's URL, so the id is the URL wherever it fits the id column. */
    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return WebUrls.normalise(platformPostId).orElse(account.handle());
    }

    @Override
    public Map<String, String> validateOptions(Map<String, String> options) {
        return WebPageOptions.validate(options);
    }
}
