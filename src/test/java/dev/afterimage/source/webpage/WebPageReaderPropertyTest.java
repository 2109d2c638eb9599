package dev.afterimage.source.webpage;

import dev.afterimage.source.SourcePost;
import dev.afterimage.source.text.PostIds;
import dev.afterimage.testkit.MutatedPages;
import dev.afterimage.testkit.RealFixtures;
import dev.afterimage.testkit.ScratchArchive;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.Document;

/**
 * Whatever a watched web page serves, its listing and item pages are read into posts that can be archived: stored
 * into the archive's real schema, or skipped with a reason, never refused by the database. The selectors are broad,
 * so that many elements of a mutated page become items.
 */
class WebPageReaderPropertyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String URL = "https://example.org/news/";
    private static final ScratchArchive ARCHIVE = new ScratchArchive();
    private static final WebPageOptions OPTIONS = WebPageOptions.of(Map.of(
            "item", "article, li, div.tgme_widget_message, item, entry",
            "link", "a",
            "date", "time",
            "body", "body, div, p"));

    @Property(tries = 100)
    void mutatedRealPagesReadIntoStorablePosts(@ForAll("realPages") byte[] page) throws SQLException {
        storeWhatIsRead(page);
    }

    @Property(tries = 50)
    void randomBytesReadIntoStorablePosts(@ForAll("randomBytes") byte[] page) throws SQLException {
        storeWhatIsRead(page);
    }

    /** Each item's own page is the same mutated page, as a site serving one template for both would. */
    private static void storeWhatIsRead(byte[] page) throws SQLException {
        Document document = WebPageReader.document(page, URL);
        if (!(WebPageReader.listing(document, OPTIONS) instanceof WebPageListing.Items items)) {
            return;
        }
        ItemPage itemPage = WebPageReader.item(WebPageReader.document(page, URL), OPTIONS);
        if (!(itemPage instanceof ItemPage.Article article)) {
            return;
        }
        List<SourcePost> posts = new ArrayList<>();
        for (ListedItem item : items.items()) {
            posts.add(WebPageSource.post(PostIds.fitting(item.url()), URL, item, article, page));
        }
        ARCHIVE.store(posts, NOW);
    }

    @Provide
    Arbitrary<byte[]> realPages() {
        return MutatedPages.of(RealFixtures.pagesUnder(300_000, "telegram", "rss", "corpus/telegram"));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return MutatedPages.random();
    }
}
