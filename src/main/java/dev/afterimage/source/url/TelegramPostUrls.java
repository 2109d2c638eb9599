package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Telegram channel posts: {@code https://t.me/<channel>/<id>}. The channel rules are those of {@code
 * TelegramSource.normaliseHandle}; private channels ({@code t.me/c/...}) have no public URL and are not posts here.
 */
final class TelegramPostUrls implements PlatformPostUrls {

    private static final Set<String> HOSTS =
            Set.of("t.me", "www.t.me", "telegram.me", "www.telegram.me", "telegram.dog");

    /** Telegram usernames: a letter, then letters, digits and underscores, 5 to 32 long (4 for some collectibles). */
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{3,31}");

    /** First path segments of t.me that are services, not accounts. */
    private static final Set<String> RESERVED = Set.of(
            "joinchat",
            "addstickers",
            "addemoji",
            "addtheme",
            "addlist",
            "proxy",
            "socks",
            "share",
            "setlanguage",
            "login",
            "confirmphone",
            "invoice",
            "boost",
            "contact",
            "iv",
            "bg");

    private static final Pattern MESSAGE_ID = Pattern.compile("[1-9][0-9]*");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("t.me") || url.hostIsWithin("telegram.me") || url.hostIsWithin("telegram.dog");
    }

    /** Queries ({@code ?single}, {@code ?embed=1}, {@code ?comment=...}) only change how the same post is shown. */
    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        if (!url.isOn(HOSTS)) {
            return Optional.empty();
        }
        List<String> path = url.segments();
        // t.me/s/... is the web preview of the same channel.
        if (!path.isEmpty() && path.get(0).equals("s")) {
            path = path.subList(1, path.size());
        }
        if (path.size() != 2) {
            return Optional.empty();
        }
        String channel = Ascii.lowerCase(path.get(0));
        String id = path.get(1);
        if (!CHANNEL.matcher(channel).matches()
                || RESERVED.contains(channel)
                || !MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CanonicalPostUrl("telegram", channel, id, "https://t.me/" + channel + "/" + id));
    }
}
