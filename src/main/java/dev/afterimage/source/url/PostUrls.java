package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns whatever URL a user pastes for a post into the one URL Afterimage stores for it.
 *
 * <p>Canonical forms:
 *
 * <ul>
 *   <li>Telegram: {@code https://t.me/<channel>/<id>}
 *   <li>X: {@code https://x.com/i/status/<id>}, keyed by the id alone because usernames change
 *   <li>Mastodon: {@code https://<instance>/@<user>/<id>} or {@code https://<instance>/@<user>@<home>/<id>} on the
 *       instance the URL came from, or {@code https://<instance>/web/statuses/<id>} when it named no account
 *   <li>Bluesky: {@code https://bsky.app/profile/<handle or DID>/post/<record key>}
 *   <li>Facebook: {@code https://www.facebook.com/<page>/posts/<id>} or
 *       {@code https://www.facebook.com/permalink.php?story_fbid=<id>&id=<page id>}
 * </ul>
 *
 * <p>Everywhere: surrounding whitespace and {@code <...>} are stripped; a URL without a scheme is taken as https, http
 * becomes https, and other schemes are refused; the host is lower-cased and a default port dropped; a URL with user
 * info is refused. Queries are kept by allow-list, not cleaned by a deny-list: only Facebook's {@code story_fbid} and
 * {@code id} survive, so every tracking parameter ({@code utm_*}, {@code fbclid}, {@code s}, {@code t}, ...) goes,
 * known or not; fragments go too. Path segments are percent-decoded before they are matched, and each platform then
 * accepts only characters that need no escaping, so a canonical URL never holds an escape. Names the platform treats
 * case-insensitively are lower-cased; ids are kept as given.
 *
 * <p>Mastodon instances are recognised by path shape only, so {@code /@name/<digits>} on any host not owned by
 * another platform is taken for a Mastodon post; only fetching it can tell.
 */
public final class PostUrls {

    /** The hosts X's posts and profiles are on; the X source recognises profile URLs by the same list. */
    public static final Set<String> X_HOSTS = XPostUrls.HOSTS;

    /** The hosts Facebook's posts and Pages are on; the Facebook source recognises Page URLs by the same list. */
    public static final Set<String> FACEBOOK_HOSTS = FacebookPostUrls.HOSTS;

    /** An X or Mastodon status id: decimal digits without a leading zero. */
    public static final Pattern STATUS_ID = Pattern.compile("[1-9][0-9]*");

    /** Far longer than any real post URL; caps the work done on whatever gets pasted. */
    private static final int MAX_INPUT_LENGTH = 4096;

    private static final List<PlatformPostUrls> PLATFORMS_BY_HOST = List.of(
            new TelegramPostUrls(), new XPostUrls(), new BlueskyPostUrls(), new FacebookPostUrls(), new VkPostUrls());

    private PostUrls() {}

    /**
     * The canonical URL of the post a URL points to, or empty when it is not a recognisable post URL. Never throws.
     *
     * @param anyUrl the URL as pasted; may be null or blank
     */
    public static Optional<CanonicalPostUrl> canonicalise(String anyUrl) {
        if (anyUrl == null || anyUrl.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String text = unwrapped(anyUrl);
        if (text.regionMatches(true, 0, "at://", 0, "at://".length())) {
            return BlueskyPostUrls.fromAtUri(text.substring("at://".length()));
        }
        return PastedUrl.parse(text).flatMap(PostUrls::canonicalise);
    }

    private static Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        for (PlatformPostUrls platform : PLATFORMS_BY_HOST) {
            if (platform.owns(url)) {
                return platform.canonicalise(url);
            }
        }
        // No platform with fixed hosts claims this one, so it may be a Mastodon instance.
        return MastodonPostUrls.canonicalise(url);
    }

    /** Chat apps and Markdown wrap links in angle brackets. */
    private static String unwrapped(String pasted) {
        String text = pasted.strip();
        if (text.length() >= 2 && text.startsWith("<") && text.endsWith(">")) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }
}
