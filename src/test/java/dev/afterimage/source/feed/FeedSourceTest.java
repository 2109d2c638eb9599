package dev.afterimage.source.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.RealFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The feed source over HTTP: which answers mean a feed or an entry is gone, and which prove nothing. */
class FeedSourceTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final FeedNaming naming = new FeedNaming();
    private final FeedSource source = new FeedSource(new WebClient(
            FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(2)), new MutableClock()));

    @Test
    void feedIsOnePageThatDoesNotReachTheFirstPost() {
        byte[] feed = RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml");
        serve(
                "/feed/rss",
                aResponse().withHeader("Content-Type", "application/rss+xml").withBody(feed));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(feed("/feed/rss"), Optional.empty()));

        assertEquals(2, page.posts().size());
        assertEquals(Optional.empty(), page.olderPageCursor());
        assertFalse(page.reachesFirstPost());
        assertArrayEquals(feed, page.capture().body());
        assertEquals(server.baseUrl() + "/feed/rss", page.url());
    }

    @Test
    void theSameFeedAgainIsNotReadButTheSameBytesAsAnotherTypeAre() {
        byte[] feed = RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml");
        serve(
                "/same.xml",
                aResponse().withHeader("Content-Type", "application/rss+xml").withBody(feed));
        ListingResult.Page first =
                assertInstanceOf(ListingResult.Page.class, source.listing(feed("/same.xml"), Optional.empty()));
        PageDigest digest = first.digest().orElseThrow();

        ListingResult.Unchanged again =
                assertInstanceOf(ListingResult.Unchanged.class, source.newestPage(feed("/same.xml"), digest));

        assertEquals(
                texts(first),
                texts(assertInstanceOf(ListingResult.Page.class, again.read().get())));
        // The content type may name the encoding the bytes are read in: the same bytes under another are another page.
        serve(
                "/same.xml",
                aResponse()
                        .withHeader("Content-Type", "application/xml; charset=iso-8859-1")
                        .withBody(feed));
        assertInstanceOf(ListingResult.Page.class, source.newestPage(feed("/same.xml"), digest));
    }

    @Test
    void entriesComeNewestFirstWhateverTheFeedsOrder() {
        serve(
                "/oldest-first.xml",
                aResponse()
                        .withBody("<rss><channel>"
                                + "<item><guid>a</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>"
                                + "<item><guid>b</guid><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>"
                                + "</channel></rss>"));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(feed("/oldest-first.xml"), Optional.empty()));

        assertEquals("b", page.posts().getFirst().platformPostId());
    }

    @Test
    void movedFeedIsFollowed() {
        server.stubFor(get(urlEqualTo("/old/rss"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/new/rss")));
        serve("/new/rss", aResponse().withBody(RealFixtures.read("rss/gov-scot-news-rss-2017-06-27.xml")));

        assertInstanceOf(ListingResult.Page.class, source.listing(feed("/old/rss"), Optional.empty()));
    }

    @Test
    void removedYoutubeFeedIsAGoneAccount() {
        serve(
                "/feeds/videos.xml?channel_id=UCTGjY2I-ZUGnwVoWAGRd7XQ",
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody(RealFixtures.read("rss/youtube-feed-channel-UCTGjY2I-ZUGnwVoWAGRd7XQ-404.html")));

        ListingResult.AccountGone gone = assertInstanceOf(
                ListingResult.AccountGone.class,
                source.listing(feed("/feeds/videos.xml?channel_id=UCTGjY2I-ZUGnwVoWAGRd7XQ"), Optional.empty()));

        assertTrue(gone.evidence().contains("HTTP 404"), gone.evidence());
    }

    @Test
    void feedAnswering410IsAGoneAccount() {
        serve("/gone.atom", aResponse().withStatus(410));

        assertInstanceOf(ListingResult.AccountGone.class, source.listing(feed("/gone.atom"), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429, 403, 401})
    void errorsProveNothingAboutTheFeed(int status) {
        serve("/flaky.xml", aResponse().withStatus(status));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(feed("/flaky.xml"), Optional.empty()));
    }

    @Test
    void loginPageOrGarbageInsteadOfAFeedProvesNothing() {
        serve("/login.xml", aResponse().withBody("<html><body>Please log in</body></html>"));
        serve("/garbage.xml", aResponse().withBody("late"));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(feed("/login.xml"), Optional.empty()));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(feed("/garbage.xml"), Optional.empty()));
    }

    @Test
    void timeoutProvesNothing() {
        serve("/slow.xml", aResponse().withFixedDelay(4_000).withBody("<rss/>"));

        ListingResult.Unknown unknown =
                assertInstanceOf(ListingResult.Unknown.class, source.listing(feed("/slow.xml"), Optional.empty()));

        assertTrue(unknown.reason().contains("timeout"), unknown.reason());
    }

    @ParameterizedTest
    @CsvSource({"404", "410"})
    void entryWhoseLinkAnswersNotFoundIsGoneWithTheAnswerAsEvidence(int status) {
        serve("/news/deleted", aResponse().withStatus(status).withBody("no such article"));

        PermalinkCheck answer = source.check(feed("/feed"), entry("/news/deleted"));

        PermalinkCheck.Gone gone = assertInstanceOf(PermalinkCheck.Gone.class, answer, answer::toString);

        assertTrue(gone.evidence().contains("HTTP " + status), gone.evidence());
        assertEquals("no such article", new String(gone.capture().body()));
    }

    @Test
    void entryWhoseLinkAnswersIsFound() {
        serve("/news/here", aResponse().withBody("<html>article</html>"));

        PermalinkCheck.Found found =
                assertInstanceOf(PermalinkCheck.Found.class, source.check(feed("/feed"), entry("/news/here")));

        assertNull(found.post());
    }

    @Test
    void movedEntryIsJudgedByWhereItLeads() {
        server.stubFor(get(urlEqualTo("/news/moved"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/news/removed")));
        serve("/news/removed", aResponse().withStatus(404));

        assertInstanceOf(PermalinkCheck.Gone.class, source.check(feed("/feed"), entry("/news/moved")));
    }

    @Test
    void endlessRedirectsProveNothing() {
        server.stubFor(get(urlEqualTo("/news/loop"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/news/loop")));

        assertInstanceOf(PermalinkCheck.Unknown.class, source.check(feed("/feed"), entry("/news/loop")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429, 403})
    void errorsProveNothingAboutAnEntry(int status) {
        serve("/news/flaky", aResponse().withStatus(status));

        assertInstanceOf(PermalinkCheck.Unknown.class, source.check(feed("/feed"), entry("/news/flaky")));
    }

    @Test
    void entryWithoutALinkOfItsOwnCannotBeAskedAbout() {
        AccountRef account = feed("/feed");

        assertInstanceOf(
                PermalinkCheck.Unknown.class, source.check(account, new PostRef("urn:uuid:1", account.handle())));
    }

    @Test
    void handleIsTheFeedUrlNormalised() {
        assertEquals(
                Optional.of("https://news.gov.scot/feed/rss"),
                naming.normaliseHandle("HTTPS://News.Gov.Scot/feed/rss#top"));
        assertEquals(Optional.of("http://example.org/"), naming.normaliseHandle("http://EXAMPLE.org"));
        assertEquals(Optional.empty(), naming.normaliseHandle("news.gov.scot/feed/rss"));
        assertEquals(Optional.empty(), naming.normaliseHandle("ftp://example.org/feed"));
        assertEquals(Optional.empty(), naming.normaliseHandle("https://user:pw@example.org/feed"));
        assertEquals(Optional.empty(), naming.normaliseHandle("https://example.org/" + "x".repeat(300)));
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q,"
                + "https://www.youtube.com/feeds/videos.xml?channel_id=UCsXVk37bltHxD1rDPwtNM8Q",
        "https://m.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q/videos,"
                + "https://www.youtube.com/feeds/videos.xml?channel_id=UCsXVk37bltHxD1rDPwtNM8Q",
        "https://youtube.com/feeds/videos.xml?user=Kurzgesagt, https://www.youtube.com/feeds/videos.xml?user=Kurzgesagt",
        "https://News.Gov.Scot/feed/rss, https://news.gov.scot/feed/rss",
        "https://mil.example.org/rss_feed/news.xml, https://mil.example.org/rss_feed/news.xml",
        "https://example.org/blog/feed/, https://example.org/blog/feed/",
        "https://example.org/updates.atom, https://example.org/updates.atom",
        "https://example.org/news?format=rss, https://example.org/news?format=rss",
        "https://ministry.example.org/feed.json, https://ministry.example.org/feed.json",
    })
    void feedUrlsAreClaimed(String url, String handle) {
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.org/news",
                "https://www.youtube.com/watch?v=D0WQK7cMJn8",
                "https://www.youtube.com/@kurzgesagt",
                "https://t.me/durov",
                "https://example.org/feeding-time"
            })
    void otherPagesAreNotClaimed(String url) {
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(url)));
    }

    @Test
    void accountUrlIsTheFeedAndPostUrlsAreTheEntriesLinks() {
        AccountRef account = new AccountRef(Platform.RSS, "https://news.gov.scot/feed/rss");

        assertEquals("https://news.gov.scot/feed/rss", naming.canonicalAccountUrl(account));
        assertEquals("https://example.org/a/1", naming.canonicalPostUrl(account, "https://example.org/a/1"));
        assertEquals("https://news.gov.scot/feed/rss", naming.canonicalPostUrl(account, "f5efd7f6"));
    }

    @Test
    void everyRealWorldCorpusFeedPollsAsAPage() {
        List<String> failed = new ArrayList<>();
        for (FeedCorpus.Feed corpusFeed : FeedCorpus.feeds()) {
            if (!corpusFeed.realWorld()) {
                continue;
            }
            String path = "/corpus/" + corpusFeed.name();
            serve(
                    path,
                    aResponse().withHeader("Content-Type", "application/xml").withBody(corpusFeed.body()));
            if (!(source.listing(feed(path), Optional.empty()) instanceof ListingResult.Page page)
                    || page.posts().isEmpty()) {
                failed.add(corpusFeed.name());
            }
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void contentTypeCharsetOverridesTheXmlDeclarationOfATranscodedFeed() {
        // A server that transcodes a Latin-1 feed to UTF-8 says so in Content-Type; the declaration inside is stale.
        String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item>"
                + "<guid>g1</guid><title>Déclaration du ministère</title></item></channel></rss>";
        serve(
                "/transcoded.xml",
                aResponse()
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody(feed.getBytes(StandardCharsets.UTF_8)));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(feed("/transcoded.xml"), Optional.empty()));

        assertEquals("Déclaration du ministère", page.posts().getFirst().text());
    }

    private static AccountRef feed(String path) {
        return new AccountRef(Platform.RSS, server.baseUrl() + path);
    }

    private static PostRef entry(String path) {
        return new PostRef(path, server.baseUrl() + path);
    }

    private static void serve(String pathAndQuery, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlEqualTo(pathAndQuery)).willReturn(response));
    }

    /** Each post's id and text: a post keeps the bytes it was read from, which compare by identity. */
    private static List<String> texts(ListingResult.Page page) {
        return page.posts().stream()
                .map(post -> post.platformPostId() + ": " + post.text())
                .toList();
    }
}
