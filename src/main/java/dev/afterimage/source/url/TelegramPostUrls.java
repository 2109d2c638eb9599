package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Telegram channel posts: {@code https://t.me/<channel>/<id>}. The channel rules are {@link TelegramChannels}, as
 * for watching; private channels ({@code t.me/c/...}) have no public URL and are not posts here.
 */
final class TelegramPostUrls implements PlatformPostUrls {

    private static final Pattern MESSAGE_ID = Pattern.compile("[1-9][0-9]*");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("t.me") || url.hostIsWithin("telegram.me") || url.hostIsWithin("telegram.dog");
    }

    /** Queries ({@code ?single}, {@code ?embed=1}, {@code ?comment=...}) only change how the same post is shown. */
    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        if (!url.isOn(TelegramChannels.HOSTS)) {
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
        if (!TelegramChannels.isChannel(channel) || !MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CanonicalPostUrl("telegram", channel, id, "https://t.me/" + channel + "/" + id));
    }
}
