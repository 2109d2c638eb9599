package dev.afterimage.source.x;

import dev.afterimage.source.url.PostUrls;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** X usernames and the profile URLs that name them. */
final class XHandles {

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

    private XHandles() {}

    static Optional<String> normalise(String handle) {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        name = name.toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() && !RESERVED.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** {@code x.com/<user>} on any of X's hosts, or a post URL of the user ({@code /<user>/status/<id>}). */
    static Optional<String> fromProfileUrl(URI url) {
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
        return profile || post ? normalise(segments.get(0)) : Optional.empty();
    }
}
