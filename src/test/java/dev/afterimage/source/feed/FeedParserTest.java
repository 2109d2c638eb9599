package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.url.MentionUrl;
import dev.afterimage.source.url.PostUrls;
import dev.afterimage.testkit.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feeds as real publishers serve them, and variants of them derived in code. */
class FeedParserTest {

    private static final String GOV_SCOT = "https://news.gov.scot/feed/rss";
    private static final String YOUTUBE = "https://www.youtube.com/feeds/videos.xml?user=Kurzgesagt";
    private static final String RECHTSPRAAK = "https://data.rechtspraak.nl/uitspraken/zoeken";

    @Test
    void rssItemsAreIdentifiedByGuidAndLinkToTheirArticle() {
        List<SourcePost> posts = entries(RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml"), GOV_SCOT);

        assertEquals(2, posts.size());
        SourcePost first = posts.getFirst();
        assertEquals("f5efd7f6-e9e4-4e70-a47c-e8dec8cb0400", first.platformPostId());
        assertEquals(
                "https://news.gov.scot/news/scotlands-future-must-be-decided-by-the-people-who-live-here", first.url());
        assertEquals(Instant.parse("2017-06-27T14:05:00Z"), first.publishedAt());
        assertTrue(
                first.text()
                        .startsWith("Scotland's future must be decided by the people who live here\n\nFirst Minister"),
                first.text());
        assertTrue(
                first.text().endsWith("We don't need a referendum to leave the EU, we can just leave."), first.text());
        assertTrue(first.html().contains("<p>We don't need a referendum"), first.html());
        assertEquals(List.of(), first.media());
        assertFalse(first.edited());
    }

    @Test
    void aFeedsOwnTitleIsReadNotAnEntrysTitle() {
        assertEquals(
                Optional.of("news.gov.scot RSS Feed"),
                parsed(RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml"), GOV_SCOT)
                        .title());
        assertEquals(
                Optional.of("Rechtspraak Open Data (Uitspraken)"),
                parsed(RealFixtures.read("rss/rechtspraak-open-data-atom-search.xml"), RECHTSPRAAK)
                        .title());
        assertEquals(
                Optional.of("Press office"),
                parsed(
                                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\" Press  office \",\"items\":[]}"
                                        .getBytes(StandardCharsets.UTF_8),
                                "https://example.org/feed.json")
                        .title());
    }

    @Test
    void rssItemFragmentIsTheItemsBytesAsReceived() {
        byte[] body = RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml");
        String feed = new String(body, StandardCharsets.UTF_8);

        SourcePost second = entries(body, GOV_SCOT).get(1);

        String fragment = new String(second.rawFragment(), StandardCharsets.UTF_8);
        assertTrue(fragment.startsWith("<item>") && fragment.endsWith("</item>"), fragment);
        assertTrue(feed.contains(fragment));
        assertTrue(fragment.contains("bc982f66-5e1c-454a-ab7a-eff889bcafd0"));
    }

    @Test
    void youtubeEntriesCarryTheirThumbnailButNotThePlayer() {
        List<SourcePost> posts = entries(RealFixtures.read("rss/youtube-feed-user-Kurzgesagt-2026-01-26.xml"), YOUTUBE);

        assertEquals(15, posts.size());
        SourcePost first = posts.getFirst();
        assertEquals("yt:video:zg40FHOAqC0", first.platformPostId());
        assertEquals("https://www.youtube.com/shorts/zg40FHOAqC0", first.url());
        assertEquals(
                List.of(new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://i3.ytimg.com/vi/zg40FHOAqC0/hqdefault.jpg")),
                first.media());
        assertTrue(first.text().startsWith("Jupiter Made Earth Possible\n\nJupiter once wandered"), first.text());
        assertEquals(Instant.parse("2026-01-22T15:01:42Z"), first.publishedAt());
        assertEquals(Instant.parse("2026-01-22T15:01:42Z"), first.versionAt());
    }

    @Test
    void youtubeViewCountsAreInformationNotContent() {
        byte[] body = RealFixtures.read("rss/youtube-feed-user-Kurzgesagt-2026-01-26.xml");
        String more = new String(body, StandardCharsets.UTF_8)
                .replace("<media:statistics views=\"1086938\"/>", "<media:statistics views=\"2000000\"/>")
                .replace("count=\"58314\"", "count=\"60000\"");

        SourcePost before = entries(body, YOUTUBE).getFirst();
        SourcePost after =
                entries(more.getBytes(StandardCharsets.UTF_8), YOUTUBE).getFirst();

        assertEquals("1086938", before.views());
        assertEquals("2000000", after.views());
        assertEquals(before.text(), after.text());
        assertFalse(before.text().contains("1086938"));
    }

    @Test
    void updatedAfterPublishedMarksAnEditedEntry() {
        SourcePost second = entries(RealFixtures.read("rss/youtube-feed-user-Kurzgesagt-2026-01-26.xml"), YOUTUBE)
                .get(1);

        assertEquals("yt:video:D0WQK7cMJn8", second.platformPostId());
        assertTrue(second.edited());
        assertEquals(Instant.parse("2026-01-23T17:44:47Z"), second.versionAt());
        assertEquals(Instant.parse("2026-01-16T15:30:05Z"), second.publishedAt());
    }

    @Test
    void atomEntriesWithoutLinkOrDateKeepTheirIdAndPointAtTheFeed() {
        List<SourcePost> posts = entries(RealFixtures.read("rss/rechtspraak-open-data-atom-search.xml"), RECHTSPRAAK);

        assertEquals(5, posts.size());
        SourcePost first = posts.getFirst();
        assertEquals("ECLI:NL:RBDHA:2025:8", first.platformPostId());
        assertEquals("https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBDHA:2025:8", first.url());
        assertEquals(Instant.parse("2025-01-02T10:06:31Z"), first.publishedAt());
        assertTrue(first.text().endsWith("\n\nBNT asiel. Beroep gegrond."), first.text());
        SourcePost last = posts.getLast();
        assertEquals("ECLI:NL:OGEAA:2025:230", last.platformPostId());
        assertEquals(RECHTSPRAAK, last.url());
        assertNull(last.publishedAt());
    }

    @Test
    void changedDescriptionChangesTheTextAndADroppedItemIsGoneFromTheEntries() {
        String feed = new String(RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml"), StandardCharsets.UTF_8);
        String edited = feed.replace("we can just leave.", "we can simply leave.");
        String dropped = feed.substring(0, feed.indexOf("<item>")) + feed.substring(feed.indexOf("</item>") + 7);

        SourcePost original =
                entries(feed.getBytes(StandardCharsets.UTF_8), GOV_SCOT).getFirst();
        SourcePost changed =
                entries(edited.getBytes(StandardCharsets.UTF_8), GOV_SCOT).getFirst();
        List<SourcePost> remaining = entries(dropped.getBytes(StandardCharsets.UTF_8), GOV_SCOT);

        assertEquals(original.platformPostId(), changed.platformPostId());
        assertNotEquals(original.text(), changed.text());
        assertEquals(
                List.of("bc982f66-5e1c-454a-ab7a-eff889bcafd0"),
                remaining.stream().map(SourcePost::platformPostId).toList());
    }

    @Test
    void enclosuresAndMediaContentAreThePostsMediaResolvedAgainstTheFeed() {
        String feed =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Press</title>
                <item><title>Visit</title><link>/press/visit</link><guid>press-1</guid>
                <pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate>
                <description>&lt;p&gt;The minister visited.&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description>
                <enclosure url="/img/visit.jpg" type="image/jpeg" length="1000"/>
                <enclosure url="https://cdn.example.org/visit.mp4" type="video/mp4" length="9000"/>
                <enclosure url="https://cdn.example.org/visit.mp3" type="audio/mpeg" length="9000"/>
                <media:content url="https://cdn.example.org/extra.png" medium="image"/>
                </item></channel></rss>
                """;

        SourcePost post = entries(feed.getBytes(StandardCharsets.UTF_8), "https://ministry.example.org/rss")
                .getFirst();

        assertEquals("https://ministry.example.org/press/visit", post.url());
        assertEquals(
                List.of(
                        new SourceMedia(MediaKind.PHOTO, "https://ministry.example.org/img/visit.jpg"),
                        new SourceMedia(MediaKind.VIDEO, "https://cdn.example.org/visit.mp4"),
                        new SourceMedia(MediaKind.PHOTO, "https://cdn.example.org/extra.png")),
                post.media());
        assertEquals("Visit\n\nThe minister visited.", post.text());
        assertFalse(post.html().contains("script"), post.html());
        assertEquals(Instant.parse("2026-11-21T09:00:00Z"), post.publishedAt());
    }

    @Test
    void guidTooLongToStoreIsIdentifiedByItsHash() {
        String guid = "tag:ministry.example.org,2026:" + "x".repeat(300);
        String feed = "<rss><channel><item><title>T</title><guid>" + guid + "</guid></item></channel></rss>";

        SourcePost post = entries(feed.getBytes(StandardCharsets.UTF_8), "https://ministry.example.org/rss")
                .getFirst();

        assertTrue(post.platformPostId().matches("sha256:[0-9a-f]{64}"), post.platformPostId());
    }

    @Test
    void anEntryLinkingAPlatformsPostIsArchivedUnderTheFeedNeverAsThatPost() {
        String feed = "<rss><channel><item><title>T</title><link>https://Mastodon.Social/@Ministry/113</link>"
                + "<guid>https://mastodon.social/@Ministry/113</guid></item></channel></rss>";

        SourcePost post = entries(feed.getBytes(StandardCharsets.UTF_8), "https://ministry.example/feed.rss")
                .getFirst();

        String linked = PostUrls.canonicalise("https://mastodon.social/@Ministry/113")
                .orElseThrow()
                .url();
        assertEquals("https://ministry.example/feed.rss#" + linked, post.url());
        assertEquals(linked, MentionUrl.linkOf(post.url()));
    }

    @Test
    void anEntrysOwnLinkIsKeptAsGiven() {
        String feed = "<rss><channel><item><title>T</title><link>https://ministry.example/news/1?id=7</link>"
                + "</item></channel></rss>";

        SourcePost post = entries(feed.getBytes(StandardCharsets.UTF_8), "https://ministry.example/feed.rss")
                .getFirst();

        assertEquals("https://ministry.example/news/1?id=7", post.url());
        assertTrue(MentionUrl.parse(post.url()).isEmpty());
    }

    @Test
    void htmlPagesAndGarbageAreNotFeeds() {
        byte[] notFound = RealFixtures.read("rss/youtube-feed-channel-UCTGjY2I-ZUGnwVoWAGRd7XQ-404.html");

        assertInstanceOf(ParsedFeed.NotAFeed.class, FeedParser.parse(notFound, null, YOUTUBE));
        assertInstanceOf(
                ParsedFeed.NotAFeed.class, FeedParser.parse("late".getBytes(StandardCharsets.UTF_8), null, YOUTUBE));
        assertInstanceOf(ParsedFeed.NotAFeed.class, FeedParser.parse(new byte[0], null, YOUTUBE));
    }

    private static List<SourcePost> entries(byte[] body, String feedUrl) {
        return parsed(body, feedUrl).entries();
    }

    private static ParsedFeed.Entries parsed(byte[] body, String feedUrl) {
        return assertInstanceOf(ParsedFeed.Entries.class, FeedParser.parse(body, null, feedUrl));
    }
}
