package dev.afterimage.source.x;

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

/** X usernames, the profile URLs that name them, and posts by id alone at {@code https://x.com/i/status/<id>}. */
@ApplicationScoped
public class XNaming implements PlatformNaming {

    static final String CANONICAL_BASE = "https://x.com";

    /** What X lets a new account pick; the name is compared case-insensitively, so it is kept lower-cased. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{1,15}");

    /** First path segments that are X's own pages, not accounts (none of them can be registered as a name). */
    private static final Set<String> RESERVED = Set.of(
            "home",
            "i",
            "search",
            "settings",
            "explore",
            "intent",
            "notifications",
            "messages",
            "compose",
            "login",
            "logout",
            "signup",
            "share",
            "hashtag",
            "tos",
            "privacy",
            "account",
            "jobs",
            "download");

    private final Duration defaultPollInterval;

    public XNaming(XConfig config) {
        this.defaultPollInterval = config.defaultPollInterval();
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public Optional<Duration> defaultPollInterval() {
        return Optional.of(defaultPollInterval);
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        name = name.toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() && !RESERVED.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** {@code x.com/<user>} on any of X's hosts, or a post URL of the user ({@code /<user>/status/<id>}). */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        if (url.getHost() == null || !PostUrls.X_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> segments = Arrays.stream(
                        Optional.ofNullable(url.getPath()).orElse("").split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
        boolean profile = segments.size() == 1;
        boolean post = segments.size() == 3
                && segments.get(1).equals("status")
                && PostUrls.STATUS_ID.matcher(segments.get(2)).matches();
        return profile || post ? normaliseHandle(segments.get(0)) : Optional.empty();
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return CANONICAL_BASE + "/" + account.handle();
    }

    /** Keyed by the id alone: usernames change, ids do not. */
    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return postUrl(platformPostId);
    }

    static String postUrl(String id) {
        return CANONICAL_BASE + "/i/status/" + id;
    }
}
