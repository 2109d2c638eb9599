package dev.afterimage.source.feed;

import dev.afterimage.testkit.MutatedPages;
import dev.afterimage.testkit.RealFixtures;
import dev.afterimage.testkit.ScratchArchive;
import java.sql.SQLException;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes a feed URL serves, the parser answers (entries or "not a feed") and every entry it gives can be
 * archived: stored into the archive's real schema, or skipped with a reason, never refused by the database.
 */
class FeedParserPropertyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final ScratchArchive ARCHIVE = new ScratchArchive();

    @Property(tries = 150)
    void mutatedRealFeedsParseIntoStorablePosts(@ForAll("realFeeds") byte[] body) throws SQLException {
        storeWhatIsParsed(body);
    }

    @Property(tries = 50)
    void randomBytesParseIntoStorablePosts(@ForAll("randomBytes") byte[] body) throws SQLException {
        storeWhatIsParsed(body);
    }

    private static void storeWhatIsParsed(byte[] body) throws SQLException {
        if (FeedParser.parse(body, null, "https://example.org/feed.xml") instanceof ParsedFeed.Entries entries) {
            ARCHIVE.store(entries.entries(), NOW);
        }
    }

    @Provide
    Arbitrary<byte[]> realFeeds() {
        return MutatedPages.of(RealFixtures.pagesUnder(200_000, "rss", "corpus/feeds"));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return MutatedPages.random();
    }
}
