package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants of what publishers send, written in code: charsets, entities, titles, ids, JSON Feed, hostile XML. */
class FeedReadingTest {

    private static final String FEED_URL = "https://ministry.example.org/rss";

    @Test
    void latin1WithoutDeclarationIsReadWithoutReplacementCharacters() {
        String feed = "<rss><channel><item><guid>g1</guid><title>Communiqué – “été”</title></item></channel></rss>";

        SourcePost post = only(feed.getBytes(Charset.forName("windows-1252")), null);

        assertEquals("Communiqué – “été”", post.text());
    }

    @Test
    void declaredEncodingIsHonouredWithoutContentType() {
        String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><guid>g1</guid>"
                + "<title>Ministère</title></item></channel></rss>";

        assertEquals(
                "Ministère",
                only(feed.getBytes(StandardCharsets.ISO_8859_1), null).text());
    }

    @Test
    void contentTypeCharsetIsHonoured() {
        String feed = "<rss><channel><item><guid>g1</guid><title>Пресс-релиз</title></item></channel></rss>";

        SourcePost post = only(feed.getBytes(Charset.forName("windows-1251")), "text/xml; charset=windows-1251");

        assertEquals("Пресс-релиз", post.text());
    }

    @Test
    void atomHtmlTitlesAreWordsNotMarkup() {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>e1</id>"
                + "<title type=\"html\">&lt;b&gt;Minister&lt;/b&gt; &amp;amp; aides</title></entry></feed>";

        assertEquals(
                "Minister & aides",
                only(feed.getBytes(StandardCharsets.UTF_8), null).text());
    }

    @Test
    void escapedCharacterReferencesInRssTitlesAreDecoded() {
        String feed =
                "<rss><channel><item><guid>g1</guid><title>Minister&amp;#8217;s visit</title></item></channel></rss>";

        assertEquals(
                "Minister’s visit",
                only(feed.getBytes(StandardCharsets.UTF_8), null).text());
    }

    @Test
    void internalDtdEntitiesAreExpanded() {
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY ministry \"Ministry of Defence\">]>"
                + "<rss><channel><item><guid>g1</guid><title>&ministry; statement</title></item></channel></rss>";

        assertEquals(
                "Ministry of Defence statement",
                only(feed.getBytes(StandardCharsets.UTF_8), null).text());
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path directory) throws Exception {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss><channel><item><guid>g1</guid><title>a &leak; b</title></item></channel></rss>";

        SourcePost post = only(feed.getBytes(StandardCharsets.UTF_8), null);

        assertFalse(post.text().contains("TOP-SECRET"), post.text());
    }

    @Test
    void nestedEntityExpansionIsBounded() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            String ten = ("&l" + (i - 1) + ";").repeat(10);
            doctype.append("<!ENTITY l").append(i).append(" \"").append(ten).append("\">");
        }
        doctype.append("]>");
        String feed = doctype + "<rss><channel><item><guid>g1</guid><title>&l9;</title></item></channel></rss>";

        SourcePost post = only(feed.getBytes(StandardCharsets.UTF_8), null);

        assertTrue(
                post.text().length() <= DtdEntities.MAX_VALUE + 100,
                "expanded to " + post.text().length());
    }

    @Test
    void anItemWithoutIdOrLinkIsArchivedUnderAContentHash() {
        String feed = "<rss><channel><item><title>Untitled notice</title><description>Roads closed.</description>"
                + "<pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate></item>"
                + "<item><title>Another</title></item></channel></rss>";

        List<SourcePost> posts = entries(feed.getBytes(StandardCharsets.UTF_8), null);
        List<SourcePost> again = entries(feed.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(2, posts.size());
        assertTrue(
                posts.getFirst().platformPostId().matches("sha256:[0-9a-f]{64}"),
                posts.getFirst().platformPostId());
        assertEquals(posts.getFirst().platformPostId(), again.getFirst().platformPostId());
        assertFalse(posts.getFirst().platformPostId().equals(posts.get(1).platformPostId()));
        assertEquals(FEED_URL, posts.getFirst().url());
    }

    @Test
    void rss1ItemsAreIdentifiedByRdfAbout() {
        String feed =
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel rdf:about=\"https://ministry.example.org/\"/>"
                        + "<item rdf:about=\"https://ministry.example.org/notes/7\"><title>Note 7</title>"
                        + "<dc:date>2026-11-21</dc:date></item></rdf:RDF>";

        SourcePost post = only(feed.getBytes(StandardCharsets.UTF_8), null);

        assertEquals("https://ministry.example.org/notes/7", post.platformPostId());
        assertEquals("https://ministry.example.org/notes/7", post.url());
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), post.publishedAt());
    }

    @Test
    void linkFragmentsKeepEntriesOfOnePageApart() {
        String feed = "<rss><channel>"
                + "<item><link>https://ministry.example.org/2026/11/21.html#a1</link><description>One</description></item>"
                + "<item><link>/2026/11/21.html#a2</link><description>Two</description></item></channel></rss>";

        List<SourcePost> posts = entries(feed.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(
                List.of(
                        "https://ministry.example.org/2026/11/21.html#a1",
                        "https://ministry.example.org/2026/11/21.html#a2"),
                posts.stream().map(SourcePost::platformPostId).toList());
    }

    @Test
    void jsonFeedItemsAreEntriesWithTheirJsonAsEvidence() {
        String item = "{\"id\":\"42\",\"url\":\"https://ministry.example.org/42\",\"title\":\"Visit\","
                + "\"content_html\":\"<p>The minister visited.</p>\",\"date_published\":\"2026-11-21T09:00:00+01:00\","
                + "\"attachments\":[{\"url\":\"/img/42.jpg\",\"mime_type\":\"image/jpeg\"}]}";
        String feed = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Press\",\"items\":[" + item + "]}";

        SourcePost post = only(feed.getBytes(StandardCharsets.UTF_8), "application/feed+json");

        assertEquals("42", post.platformPostId());
        assertEquals("https://ministry.example.org/42", post.url());
        assertEquals("Visit\n\nThe minister visited.", post.text());
        assertEquals(Instant.parse("2026-11-21T08:00:00Z"), post.publishedAt());
        assertEquals(
                List.of(new SourceMedia(MediaKind.PHOTO, "https://ministry.example.org/img/42.jpg")), post.media());
        assertEquals(item, new String(post.rawFragment(), StandardCharsets.UTF_8));
    }

    private static SourcePost only(byte[] body, String contentType) {
        List<SourcePost> posts = entries(body, contentType);
        assertEquals(1, posts.size());
        return posts.getFirst();
    }

    private static List<SourcePost> entries(byte[] body, String contentType) {
        return assertInstanceOf(ParsedFeed.Entries.class, FeedParser.parse(body, contentType, FEED_URL))
                .entries();
    }
}
