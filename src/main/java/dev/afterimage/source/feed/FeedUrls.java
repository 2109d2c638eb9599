package dev.afterimage.source.feed;

import dev.afterimage.source.ColumnWidth;
import dev.afterimage.source.http.WebUrls;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which URLs are feeds, and the one spelling of a feed URL that identifies a watched feed. */
final class FeedUrls {

    private static final Pattern YOUTUBE_HOST = Pattern.compile("(www\\.|m\\.)?youtube\\.com");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("/channel/(UC[A-Za-z0-9_-]{22})(/.*)?");
    private static final Pattern FEED_PATH = Pattern.compile(".*(\\.rss|\\.xml|\\.atom|/feed|/rss|/atom|/feed\\.json)");
    private static final Pattern FEED_FORMAT = Pattern.compile("(^|&)format=(rss|atom)(&|$)", Pattern.CASE_INSENSITIVE);

    private FeedUrls() {}

    /** The feed URL in {@link WebUrls#normalise} form; empty for anything else or one too long to store. */
    static Optional<String> normalise(String url) {
        return WebUrls.normalise(url).filter(normalised -> normalised.length() <= ColumnWidth.NAME);
    }

    /**
     * The feed a URL names: a URL that plainly is a feed, or a YouTube channel page (whose feed is well known).
     * Empty for any other page, which might be a feed or not: only {@code platform: rss} says so.
     */
    static Optional<String> feedOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (YOUTUBE_HOST.matcher(host).matches()) {
            var channel = YOUTUBE_CHANNEL.matcher(path);
            if (channel.matches()) {
                return Optional.of("https://www.youtube.com/feeds/videos.xml?channel_id=" + channel.group(1));
            }
            if (path.equals("/feeds/videos.xml") && url.getRawQuery() != null) {
                return normalise("https://www.youtube.com/feeds/videos.xml?" + url.getRawQuery());
            }
            return Optional.empty();
        }
        String trimmed = path.toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        boolean feedPath = FEED_PATH.matcher(trimmed).matches();
        boolean feedQuery = url.getRawQuery() != null
                && FEED_FORMAT.matcher(url.getRawQuery()).find();
        return feedPath || feedQuery ? normalise(url.toString()) : Optional.empty();
    }

    /** Whether {@code url} is an absolute http(s) URL, as a guid that doubles as the entry's link is. */
    static boolean isWebUrl(String url) {
        return WebUrls.normalise(url).isPresent();
    }
}
