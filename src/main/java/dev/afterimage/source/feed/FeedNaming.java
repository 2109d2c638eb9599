package dev.afterimage.source.feed;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ColumnWidth;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.http.WebUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs are feeds, and the one spelling of a feed URL that identifies a watched feed: the handle is the feed's
 * URL, and an entry's URL is its own link.
 */
@ApplicationScoped
public class FeedNaming implements PlatformNaming {

    private static final Pattern YOUTUBE_HOST = Pattern.compile("(www\\.|m\\.)?youtube\\.com");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("/channel/(UC[A-Za-z0-9_-]{22})(/.*)?");
    private static final Pattern FEED_PATH = Pattern.compile(".*(\\.rss|\\.xml|\\.atom|/feed|/rss|/atom|/feed\\.json)");
    private static final Pattern FEED_FORMAT = Pattern.compile("(^|&)format=(rss|atom)(&|$)", Pattern.CASE_INSENSITIVE);

    @Override
    public Platform platform() {
        return Platform.RSS;
    }

    /** The feed URL in {@link WebUrls#normalise} form; empty for anything else or one too long to store. */
    @Override
    public Optional<String> normaliseHandle(String handle) {
        return WebUrls.normalise(handle).filter(normalised -> normalised.length() <= ColumnWidth.NAME);
    }

    /**
     * The feed a URL names: a URL that plainly is a feed, or a YouTube channel page (whose feed is well known).
     * Empty for any other page, which might be a feed or not: only {@code platform: rss} says so.
     */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (YOUTUBE_HOST.matcher(host).matches()) {
            var channel = YOUTUBE_CHANNEL.matcher(path);
            if (channel.matches()) {
                return Optional.of("https://www.youtube.com/feeds/videos.xml?channel_id=" + channel.group(1));
            }
            if (path.equals("/feeds/videos.xml") && url.getRawQuery() != null) {
                return normaliseHandle("https://www.youtube.com/feeds/videos.xml?" + url.getRawQuery());
            }
            return Optional.empty();
        }
        String trimmed = path.toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        boolean feedPath = FEED_PATH.matcher(trimmed).matches();
        boolean feedQuery = url.getRawQuery() != null
                && FEED_FORMAT.matcher(url.getRawQuery()).find();
        return feedPath || feedQuery ? normaliseHandle(url.toString()) : Optional.empty();
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return account.handle();
    }

    /** The entry's id when it is a web URL; an entry's real URL is its link, read from the feed, not derived. */
    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return isWebUrl(platformPostId) ? platformPostId : account.handle();
    }

    /** Whether {@code url} is an absolute http(s) URL, as a guid that doubles as the entry's link is. */
    static boolean isWebUrl(String url) {
        return WebUrls.normalise(url).isPresent();
    }
}
