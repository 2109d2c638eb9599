package dev.afterimage.source.telegram;

import dev.afterimage.testkit.MutatedPages;
import dev.afterimage.testkit.RealFixtures;
import dev.afterimage.testkit.ScratchArchive;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a channel page or an embed serves, the parser answers with one of its outcomes and every post it reads
 * can be archived: stored into the archive's real schema, or skipped with a reason, never refused by the database.
 */
class TelegramParserPropertyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String BASE = "https://t.me";
    private static final ScratchArchive ARCHIVE = new ScratchArchive();

    @Property(tries = 100)
    void mutatedRealChannelPagesParseIntoStorablePosts(@ForAll("realPages") byte[] page) throws SQLException {
        if (TelegramPageParser.parseListing(page, "durov", BASE) instanceof ParsedListing.Listing listing) {
            ARCHIVE.store(listing.postsNewestFirst(), NOW);
        }
    }

    @Property(tries = 100)
    void mutatedRealEmbedsParseIntoStorablePosts(@ForAll("realPages") byte[] page) throws SQLException {
        if (TelegramPageParser.parseEmbed(page, "durov", "523", BASE) instanceof EmbedResult.Found found) {
            ARCHIVE.store(List.of(found.post()), NOW);
        }
        TelegramPageParser.parseLanding(page);
    }

    @Property(tries = 50)
    void randomBytesParseIntoStorablePosts(@ForAll("randomBytes") byte[] page) throws SQLException {
        if (TelegramPageParser.parseListing(page, "durov", BASE) instanceof ParsedListing.Listing listing) {
            ARCHIVE.store(listing.postsNewestFirst(), NOW);
        }
    }

    @Provide
    Arbitrary<byte[]> realPages() {
        return MutatedPages.of(RealFixtures.pagesUnder(300_000, "telegram", "corpus/telegram"));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return MutatedPages.random();
    }
}
