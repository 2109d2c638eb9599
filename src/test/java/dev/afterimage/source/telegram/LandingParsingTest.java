package dev.afterimage.source.telegram;

import static dev.afterimage.source.telegram.PageVariants.variant;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.RealFixtures;
import org.junit.jupiter.api.Test;

/** The landing-page parser against the real capture for a name nobody holds, and variants. */
class LandingParsingTest {

    private static final String NONEXISTENT = "telegram/landing-nonexistent-username.html";

    @Test
    void aNameNobodyHoldsIsNoSuchAccount() {
        LandingResult result = TelegramPageParser.parseLanding(RealFixtures.read(NONEXISTENT));

        LandingResult.NoSuchAccount none = assertInstanceOf(LandingResult.NoSuchAccount.class, result);
        assertTrue(none.evidence().contains("Telegram: Contact @zzqwxnonexistentchannel12345"), none.evidence());
    }

    @Test
    void anAccountWithATitleButNoPreviewIsNotPublic() {
        byte[] page = variant(RealFixtures.read(NONEXISTENT), doc -> doc.selectFirst(".tgme_page_icon")
                .after("<div class=\"tgme_page_title\"><span dir=\"auto\">Some Group</span></div>"
                        + "<div class=\"tgme_page_extra\">1 234 members</div>"));

        LandingResult.NotPublic notPublic =
                assertInstanceOf(LandingResult.NotPublic.class, TelegramPageParser.parseLanding(page));
        assertTrue(notPublic.evidence().contains("Some Group"), notPublic.evidence());
    }

    @Test
    void aLandingPageOfferingAPublicPreviewIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(NONEXISTENT), doc -> {
            doc.selectFirst(".tgme_page_icon")
                    .after("<div class=\"tgme_page_title\"><span dir=\"auto\">Pavel Durov</span></div>");
            doc.selectFirst(".tgme_page_action")
                    .append("<a class=\"tgme_action_button_new tgme_action_web_button\" href=\"/s/durov\">Preview</a>");
        });

        assertInstanceOf(LandingResult.Unrecognised.class, TelegramPageParser.parseLanding(page));
    }

    @Test
    void aContactPageWithACounterIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(NONEXISTENT), doc -> doc.selectFirst(".tgme_page_icon")
                .after("<div class=\"tgme_page_extra\">11.1M subscribers</div>"));

        assertInstanceOf(LandingResult.Unrecognised.class, TelegramPageParser.parseLanding(page));
    }

    @Test
    void aPageWithAnotherTitleIsUnrecognised() {
        byte[] page = variant(RealFixtures.read(NONEXISTENT), doc -> doc.title("Telegram Messenger"));

        assertInstanceOf(LandingResult.Unrecognised.class, TelegramPageParser.parseLanding(page));
    }

    @Test
    void aChannelListingIsUnrecognised() {
        byte[] listing = RealFixtures.read("telegram/channel-page-durov-excerpt.html");

        assertInstanceOf(LandingResult.Unrecognised.class, TelegramPageParser.parseLanding(listing));
    }

    @Test
    void anEmptyBodyIsUnrecognised() {
        assertInstanceOf(LandingResult.Unrecognised.class, TelegramPageParser.parseLanding(new byte[0]));
    }
}
