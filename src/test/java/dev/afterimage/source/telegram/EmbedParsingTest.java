package dev.afterimage.source.telegram;

import static dev.afterimage.source.telegram.PageVariants.html;
import static dev.afterimage.source.telegram.PageVariants.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourcePost;
import dev.afterimage.testkit.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The embed parser against the real captures of an existing and a missing post, and variants. */
class EmbedParsingTest {

    private static final String T_ME = "https://t.me";
    private static final String EXISTING = "telegram/embed-existing-durov-523.html";
    private static final String MISSING = "telegram/embed-missing-post-not-found.html";

    @Test
    void existingPostIsFoundWithTheSameContentAsOnTheListing() {
        SourcePost embedded = found(TelegramPageParser.parseEmbed(RealFixtures.read(EXISTING), "durov", "523", T_ME));
        ParsedListing.Listing listing = assertInstanceOf(
                ParsedListing.Listing.class,
                TelegramPageParser.parseListing(
                        RealFixtures.read("telegram/channel-page-durov-excerpt.html"), "durov", T_ME));
        SourcePost listed = listing.postsNewestFirst().stream()
                .filter(post -> post.platformPostId().equals("523"))
                .findFirst()
                .orElseThrow();

        assertEquals("523", embedded.platformPostId());
        assertEquals("https://t.me/durov/523", embedded.url());
        assertEquals(Instant.parse("2026-06-09T19:33:51Z"), embedded.publishedAt());
        assertEquals("⌚️ A fully native Telegram app for Apple Watch is out.", embedded.text());
        assertEquals(listed.text(), embedded.text());
        assertEquals(listed.html(), embedded.html());
        assertEquals(listed.media(), embedded.media());
        assertEquals(MediaKind.VIDEO, embedded.media().getFirst().kind());
        assertEquals(listed.edited(), embedded.edited());
        assertEquals("12.5M", embedded.views());
    }

    @Test
    void rawFragmentOfAnEmbedIsTheMessageElement() {
        SourcePost embedded = found(TelegramPageParser.parseEmbed(RealFixtures.read(EXISTING), "durov", "523", T_ME));

        String raw = new String(embedded.rawFragment(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("<div class=\"tgme_widget_message "), raw);
        assertTrue(raw.contains("data-post-id=\"523\""), raw);
    }

    @Test
    void channelNameIsMatchedIgnoringCase() {
        EmbedResult result = TelegramPageParser.parseEmbed(RealFixtures.read(EXISTING), "Durov", "523", T_ME);

        assertEquals("https://t.me/Durov/523", found(result).url());
    }

    @Test
    void missingPostIsNotFoundWithTelegramsOwnWords() {
        EmbedResult result = TelegramPageParser.parseEmbed(RealFixtures.read(MISSING), "hanoi", "500000", T_ME);

        assertEquals(new EmbedResult.NotFound("Post not found"), result);
    }

    @Test
    void anEmbedOfAnotherPostIsUnrecognised() {
        EmbedResult result = TelegramPageParser.parseEmbed(RealFixtures.read(EXISTING), "durov", "524", T_ME);

        assertInstanceOf(EmbedResult.Unrecognised.class, result);
    }

    @Test
    void anEmbedOfAnotherChannelIsUnrecognised() {
        EmbedResult result = TelegramPageParser.parseEmbed(RealFixtures.read(EXISTING), "kpszsu", "523", T_ME);

        assertInstanceOf(EmbedResult.Unrecognised.class, result);
    }

    @Test
    void anErrorOtherThanPostNotFoundIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(MISSING), doc -> doc.selectFirst(".tgme_widget_message_error")
                .text("Channel is private"));

        assertInstanceOf(EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(page, "hanoi", "500000", T_ME));
    }

    @Test
    void anErrorTextOutsideAnErrorMessageIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(MISSING), doc -> doc.selectFirst(".tgme_widget_message")
                .removeClass("err_message"));

        assertInstanceOf(EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(page, "hanoi", "500000", T_ME));
    }

    @Test
    void anEmptyBodyIsUnrecognised() {
        assertInstanceOf(
                EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(new byte[0], "durov", "523", T_ME));
    }

    @Test
    void aListingPageIsUnrecognised() {
        byte[] listing = RealFixtures.read("telegram/channel-page-durov-excerpt.html");

        assertInstanceOf(EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(listing, "durov", "523", T_ME));
    }

    @Test
    void aPageSayingPostNotFoundOutsideTheWidgetIsUnrecognised() {
        byte[] page = html("<html><body><h1>Post not found</h1></body></html>");

        assertInstanceOf(EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(page, "durov", "523", T_ME));
    }

    @Test
    void aPostWithoutItsDateIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(EXISTING), doc -> doc.select("a.tgme_widget_message_date")
                .remove());

        assertInstanceOf(EmbedResult.Unrecognised.class, TelegramPageParser.parseEmbed(page, "durov", "523", T_ME));
    }

    private static SourcePost found(EmbedResult result) {
        return assertInstanceOf(EmbedResult.Found.class, result).post();
    }
}
