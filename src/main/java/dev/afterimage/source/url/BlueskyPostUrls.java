package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bluesky posts: {@code https://bsky.app/profile/<handle or DID>/post/<record key>}, also from an AT URI
 * {@code at://<DID>/app.bsky.feed.post/<record key>}. Handles are domain names, so lower-cased; DIDs and record keys are
 * case-sensitive and kept as they are. Path segments are percent-decoded because clients escape the colons of a DID.
 */
final class BlueskyPostUrls implements PlatformPostUrls {

    private static final Set<String> HOSTS = Set.of("bsky.app");

    private static final String POST_COLLECTION = "app.bsky.feed.post";

    /** The DID syntax of the W3C spec, without percent-escapes (decoded before): no DID Bluesky uses has any. */
    private static final Pattern DID = Pattern.compile("did:[a-z]+:[A-Za-z0-9._:-]*[A-Za-z0-9._-]");

    /** The AT Protocol record-key syntax; {@code .} and {@code ..} are excluded separately. */
    private static final Pattern RECORD_KEY = Pattern.compile("[A-Za-z0-9._:~-]+");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("bsky.app");
    }

    /** Segments after the record key ({@code /liked-by}, {@code /quotes}) are views of the same post. */
    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        List<String> path = url.segments();
        if (!url.isOn(HOSTS)
                || path.size() < 4
                || !path.get(0).equals("profile")
                || !path.get(2).equals("post")) {
            return Optional.empty();
        }
        return post(path.get(1), path.get(3));
    }

    /** An AT URI after its {@code at://}. */
    static Optional<CanonicalPostUrl> fromAtUri(String afterScheme) {
        String path = afterScheme.split("[?#]", 2)[0];
        return PastedUrl.decodedSegments(path)
                .filter(segments -> segments.size() == 3 && segments.get(1).equals(POST_COLLECTION))
                .flatMap(segments -> post(segments.get(0), segments.get(2)));
    }

    private static Optional<CanonicalPostUrl> post(String actor, String recordKey) {
        Optional<String> account = DID.matcher(actor).matches() ? Optional.of(actor) : handle(actor);
        if (account.isEmpty()
                || !RECORD_KEY.matcher(recordKey).matches()
                || recordKey.equals(".")
                || recordKey.equals("..")) {
            return Optional.empty();
        }
        String url = "https://bsky.app/profile/" + account.get() + "/post/" + recordKey;
        return Optional.of(new CanonicalPostUrl("bluesky", account.get(), recordKey, url));
    }

    private static Optional<String> handle(String actor) {
        String handle = Ascii.lowerCase(actor);
        return PastedUrl.DOMAIN_NAME.matcher(handle).matches() ? Optional.of(handle) : Optional.empty();
    }
}
