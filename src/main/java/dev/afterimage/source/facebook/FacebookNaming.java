package dev.afterimage.source.facebook;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.url.PostUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Facebook Pages by username or numeric id, the profile URLs that name them, and the URLs of their posts. */
@ApplicationScoped
public class FacebookNaming implements PlatformNaming {

    static final String CANONICAL_BASE = "https://www.facebook.com";

    /** Usernames are letters, digits and dots, case-insensitive; older page names also have dashes. */
    private static final Pattern PAGE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private static final Pattern PAGE_ID = Pattern.compile("[1-9][0-9]*");

    private static final Pattern POST_ID = Pattern.compile("[1-9][0-9]*|pfbid[0-9A-Za-z]+");

    /** First path segments that are Facebook's own sections, not pages. */
    private static final Set<String> RESERVED = Set.of(
            "watch",
            "groups",
            "events",
            "marketplace",
            "login",
            "logout",
            "help",
            "share",
            "sharer",
            "photo",
            "photos",
            "video",
            "videos",
            "reel",
            "reels",
            "stories",
            "story",
            "gaming",
            "hashtag",
            "search",
            "settings",
            "notifications",
            "messages",
            "friends",
            "bookmarks",
            "privacy",
            "policies",
            "legal",
            "ads",
            "business",
            "fundraisers",
            "jobs",
            "live",
            "pages",
            "pg",
            "people",
            "public",
            "home",
            "dialog",
            "plugins",
            "l");

    private final Duration defaultPollInterval;

    public FacebookNaming(FacebookConfig config) {
        this.defaultPollInterval = config.defaultPollInterval();
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public Optional<Duration> defaultPollInterval() {
        return Optional.of(defaultPollInterval);
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        name = name.toLowerCase(Locale.ROOT);
        return PAGE.matcher(name).matches() && !RESERVED.contains(name) && !name.endsWith(".php")
                ? Optional.of(name)
                : Optional.empty();
    }

    /**
     * {@code facebook.com/<page>} (also {@code /<page>/posts/<id>}), {@code /profile.php?id=<n>} and
     * {@code /pages/<name>/<id>}, on any of Facebook's web hosts.
     */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        if (url.getHost() == null
                || !PostUrls.FACEBOOK_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> segments = Arrays.stream(
                        Optional.ofNullable(url.getPath()).orElse("").split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (segments.size() == 1 && segments.get(0).equals("profile.php")) {
            return queryValue(url, "id").filter(id -> PAGE_ID.matcher(id).matches());
        }
        if (segments.size() == 3
                && segments.get(0).equals("pages")
                && PAGE_ID.matcher(segments.get(2)).matches()) {
            return Optional.of(segments.get(2));
        }
        boolean page = segments.size() == 1;
        boolean post = segments.size() == 3
                && segments.get(1).equals("posts")
                && POST_ID.matcher(segments.get(2)).matches();
        return page || post ? normaliseHandle(segments.get(0)) : Optional.empty();
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return CANONICAL_BASE + "/" + account.handle();
    }

    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return postUrl(account.handle(), platformPostId);
    }

    /** A post's URL from its Graph id, {@code <page id>_<post id>}, or a bare post id under the page's name. */
    static String postUrl(String page, String id) {
        int underscore = id.indexOf('_');
        return underscore > 0
                ? CANONICAL_BASE + "/permalink.php?story_fbid=" + id.substring(underscore + 1) + "&id="
                        + id.substring(0, underscore)
                : CANONICAL_BASE + "/" + page + "/posts/" + id;
    }

    private static Optional<String> queryValue(URI url, String name) {
        String query = url.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst();
    }
}
