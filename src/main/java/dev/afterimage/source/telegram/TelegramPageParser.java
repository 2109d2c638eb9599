package dev.afterimage.source.telegram;

import java.util.Objects;

/**
 * Reads the pages of Telegram's public web preview into values. Pure functions over the bytes of a response: no
 * HTTP, no state, no exceptions for anything a page may contain.
 *
 * <p>How a source maps the outcomes: {@link ParsedListing.Listing} is a page of posts and anything else is unknown;
 * {@link EmbedResult.NotFound} is the only "this post is gone"; {@link LandingResult.NoSuchAccount} and
 * {@link LandingResult.NotPublic} (reached when {@code /s/<name>} redirects to {@code /<name>}) are the only "this
 * channel is gone". Posts always get canonical URLs ({@code <canonicalBase>/<channel>/<id>}), whatever host served
 * the page, so pages fetched from a stand-in server yield the same posts as pages from t.me.
 */
public final class TelegramPageParser {

    private TelegramPageParser() {}

    /**
     * Reads a channel listing page, {@code t.me/s/<channel>} or {@code t.me/s/<channel>?before=<id>}.
     *
     * @param channel the channel's username as watched, e.g. {@code durov}
     * @param canonicalBase the canonical site, {@code https://t.me} in production
     */
    public static ParsedListing parseListing(byte[] html, String channel, String canonicalBase) {
        requireName(channel, "channel");
        TelegramUrls urls = new TelegramUrls(canonicalBase);
        return ListingPageReader.read(PageDocument.parse(html, urls.listing(channel)), channel, urls);
    }

    /**
     * Reads a single-post embed page, {@code t.me/<channel>/<id>?embed=1}.
     *
     * @param id the message id asked for; a page showing any other post is {@link EmbedResult.Unrecognised}
     */
    public static EmbedResult parseEmbed(byte[] html, String channel, String id, String canonicalBase) {
        requireName(channel, "channel");
        requireName(id, "id");
        TelegramUrls urls = new TelegramUrls(canonicalBase);
        // Resolved against the listing URL, as on /s/, so the same post yields the same links from both pages.
        return EmbedPageReader.read(PageDocument.parse(html, urls.listing(channel)), channel, id, urls);
    }

    /** Reads the landing page {@code t.me/<name>}, where {@code /s/<name>} redirects when there is no preview. */
    public static LandingResult parseLanding(byte[] html) {
        return LandingPageReader.read(PageDocument.parse(html, "").document());
    }

    private static void requireName(String value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank");
        }
    }
}
