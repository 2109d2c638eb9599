package dev.afterimage.source.url;

import java.util.Objects;
import java.util.Optional;

/**
 * The URL a feed entry or web-page item is archived under when its link is another platform's post: the URL of
 * the feed or page that served it, then {@code #}, then the linked post's canonical URL. A post belongs to the
 * account that served it, so whoever controls a watched feed can mention a Telegram post but never make the archive
 * hold a copy of that Telegram post.
 *
 * @param ownerUrl the feed's or page's URL, the identity of the account that served the entry
 * @param linked the post the entry links, as that platform's posts are spelt
 */
public record MentionUrl(String ownerUrl, CanonicalPostUrl linked) {

    public MentionUrl {
        Objects.requireNonNull(ownerUrl, "ownerUrl");
        Objects.requireNonNull(linked, "linked");
    }

    public String url() {
        return ownerUrl + "#" + linked.url();
    }

    /** The URL to archive an entry of {@code ownerUrl} linking {@code link} under: the link itself unless it is a post. */
    public static String archivedUrl(String ownerUrl, String link) {
        return PostUrls.canonicalise(link)
                .map(post -> new MentionUrl(ownerUrl, post).url())
                .orElse(link);
    }

    /** The entry's own link behind an archived URL, to ask whether the entry still exists. */
    public static String linkOf(String archivedUrl) {
        return parse(archivedUrl).map(mention -> mention.linked().url()).orElse(archivedUrl);
    }

    /** A mention URL read back; empty for any other URL, a link with an ordinary fragment among them. */
    public static Optional<MentionUrl> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int hash = url.indexOf('#');
        if (hash <= 0) {
            return Optional.empty();
        }
        String fragment = url.substring(hash + 1);
        if (!fragment.startsWith("https://")) {
            return Optional.empty();
        }
        return PostUrls.canonicalise(fragment)
                .filter(post -> post.url().equals(fragment))
                .map(post -> new MentionUrl(url.substring(0, hash), post));
    }
}
