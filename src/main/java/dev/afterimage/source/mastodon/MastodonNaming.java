package dev.afterimage.source.mastodon;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * Mastodon accounts as {@code user@instance} ({@link MastodonHandle}), with URLs on the account's home instance
 * whichever instance a URL came from.
 */
@ApplicationScoped
public class MastodonNaming implements PlatformNaming {

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        return MastodonHandle.parse(handle).map(MastodonHandle::toString);
    }

    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        return MastodonHandle.fromProfileUrl(url).map(MastodonHandle::toString);
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return handleOf(account).accountUrl();
    }

    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return handleOf(account).postUrl(platformPostId);
    }

    private static MastodonHandle handleOf(AccountRef account) {
        return MastodonHandle.parse(account.handle())
                .orElseThrow(() ->
                        new IllegalArgumentException("not a Mastodon handle (user@instance): " + account.handle()));
    }
}
