package dev.afterimage.source.telegram;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.url.TelegramChannels;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Public Telegram channels by name, and their URLs on t.me whatever host a page was fetched from. */
@ApplicationScoped
public class TelegramNaming implements PlatformNaming {

    static final String CANONICAL_BASE = "https://t.me";

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        name = name.toLowerCase(Locale.ROOT);
        return TelegramChannels.isChannel(name) ? Optional.of(name) : Optional.empty();
    }

    /** Accepts {@code t.me/<name>}, {@code t.me/s/<name>}, and a post URL of the channel; any of Telegram's hosts. */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        if (url.getHost() == null
                || !TelegramChannels.HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> segments = List.of(
                        Optional.ofNullable(url.getPath()).orElse("").split("/"))
                .stream()
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (!segments.isEmpty() && segments.get(0).equals("s")) {
            segments = segments.subList(1, segments.size());
        }
        boolean profileOrPost =
                segments.size() == 1 || (segments.size() == 2 && segments.get(1).matches("\\d+"));
        return profileOrPost ? normaliseHandle(segments.get(0)) : Optional.empty();
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return CANONICAL_BASE + "/" + account.handle();
    }

    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return postUrl(account.handle(), platformPostId);
    }

    static String postUrl(String channel, String platformPostId) {
        return CANONICAL_BASE + "/" + channel + "/" + platformPostId;
    }
}
