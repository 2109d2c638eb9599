package dev.afterimage.source.telegram;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canonical t.me URLs, built on the canonical base whatever host a page was actually fetched from. */
final class TelegramUrls {

    private static final Pattern POST_PATH = Pattern.compile("/(?:s/)?([A-Za-z0-9_]+)/(\\d+)/?");

    private final String base;

    TelegramUrls(String canonicalBase) {
        Objects.requireNonNull(canonicalBase, "canonicalBase");
        this.base = canonicalBase.replaceFirst("/+$", "");
    }

    String post(String channel, String id) {
        return base + "/" + channel + "/" + id;
    }

    String listing(String channel) {
        return base + "/s/" + channel;
    }

    /** A link to a post (any host, with or without {@code /s/}, query or fragment) made canonical; others as given. */
    String canonicalPostLink(String href) {
        try {
            String path = URI.create(href).getPath();
            Matcher matcher = POST_PATH.matcher(path == null ? "" : path);
            return matcher.matches() ? post(matcher.group(1), matcher.group(2)) : href;
        } catch (IllegalArgumentException notAUri) {
            return href;
        }
    }
}
