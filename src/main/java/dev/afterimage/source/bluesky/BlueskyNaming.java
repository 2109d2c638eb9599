package dev.afterimage.source.bluesky;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bluesky account names: a handle is a domain name (case-insensitive, so lower-cased), a DID ({@code did:plc:...},
 * {@code did:web:...}) is case-sensitive and kept as given. Canonical URLs name the account as it was given, the
 * form {@link PostUrls} canonicalises {@code bsky.app} URLs to.
 */
@ApplicationScoped
public class BlueskyNaming implements PlatformNaming {

    private static final String WEB = "https://bsky.app";

    private static final Pattern HANDLE =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DID = Pattern.compile("did:(plc:[a-z2-7]{24}|web:[a-z0-9.-]+(%3[aA][0-9]+)?)");

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        String name = handle.strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        if (DID.matcher(name).matches()) {
            return Optional.of(name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return HANDLE.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    static boolean isDid(String account) {
        return account.startsWith("did:");
    }

    /** {@code bsky.app/profile/<actor>} and the URLs under it (a post, its likes) name the account. */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        if (url.getHost() == null || !url.getHost().equalsIgnoreCase("bsky.app")) {
            return Optional.empty();
        }
        List<String> segments = Arrays.stream(
                        Optional.ofNullable(url.getPath()).orElse("").split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (segments.size() < 2 || !segments.get(0).equals("profile")) {
            return Optional.empty();
        }
        return normaliseHandle(segments.get(1));
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return WEB + "/profile/" + account.handle();
    }

    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return postUrl(account.handle(), platformPostId);
    }

    /** The URL {@link PostUrls} gives the post, so that the archive finds it by any of its URLs. */
    static String postUrl(String account, String recordKey) {
        String url = WEB + "/profile/" + account + "/post/" + recordKey;
        return PostUrls.canonicalise(url).map(CanonicalPostUrl::url).orElse(url);
    }

    static String atUri(String did, String recordKey) {
        return "at://" + did + "/" + PostViews.POST_COLLECTION + "/" + recordKey;
    }
}
