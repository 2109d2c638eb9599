package dev.afterimage.source.telegram;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Classifies the landing page {@code t.me/<name>}. The markers come from a real capture for a name nobody holds
 * ({@code <title>Telegram: Contact @name</title>}, a {@code tgme_page} without {@code tgme_page_title}).
 */
final class LandingPageReader {

    private static final String CONTACT_TITLE = "Telegram: Contact @";

    private LandingPageReader() {}

    static LandingResult read(Document page) {
        if (page.selectFirst(".tgme_page") == null) {
            return new LandingResult.Unrecognised("no tgme_page: not a t.me landing page");
        }
        if (page.selectFirst("a[href~=^(https?:)?(//[^/]+)?/s/]") != null) {
            return new LandingResult.Unrecognised("the landing page links to a public preview (/s/…)");
        }
        String title = page.title().strip();
        Element accountTitle = page.selectFirst(".tgme_page_title");
        if (accountTitle != null) {
            Element extra = page.selectFirst(".tgme_page_extra");
            return new LandingResult.NotPublic(
                    "tgme_page_title \"" + accountTitle.text().strip() + "\""
                            + (extra == null
                                    ? ""
                                    : ", tgme_page_extra \"" + extra.text().strip() + "\"")
                            + ", no public preview");
        }
        if (title.startsWith(CONTACT_TITLE) && page.selectFirst(".tgme_page_extra") == null) {
            return new LandingResult.NoSuchAccount("<title>" + title + "</title> and no tgme_page_title");
        }
        return new LandingResult.Unrecognised(
                "a landing page with neither an account title nor the contact title: \"" + title + "\"");
    }
}
