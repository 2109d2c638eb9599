package dev.afterimage.source.webpage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A news page read with CSS selectors, over HTTP. The pages are written here in the shape of a typical government
 * CMS (no real capture of one exists in the shared fixtures): a list of {@code article.news} items, each with a
 * link, a title and a {@code <time>}, and an article page whose body is {@code div.article-body}.
 */
class WebPageSourceTest {

    private static final AtomicInteger SITES = new AtomicInteger();

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final WebPageNaming naming = new WebPageNaming(itemsPerPage(30));
    private final WebPageSource source = new WebPageSource(
            new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(2)), new MutableClock()),
            itemsPerPage(30));

    // Every test its own site, since the WireMock server outlives a test.
    private final String site = "/site" + SITES.incrementAndGet();

    @Test
    void listingItemsAreReadFromTheirOwnPages() {
        serve(
                "/news",
                listing(
                        item("/news/2", "Second statement", "2026-11-21T10:00:00Z"),
                        item("/news/1", "First", "2026-11-20T10:00:00Z")));
        serve("/news/2", article("<p>The minister said <b>this</b>.</p><img src=\"/img/2.jpg\"><script>x()</script>"));
        serve("/news/1", article("<p>Earlier words.</p>"));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(account(), Optional.empty()));

        assertEquals(2, page.posts().size());
        SourcePost newest = page.posts().getFirst();
        assertEquals(url("/news/2"), newest.platformPostId());
        assertEquals(url("/news/2"), newest.url());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), newest.publishedAt());
        assertEquals("Second statement\n\nThe minister said this.", newest.text());
        assertFalse(newest.html().contains("script"), newest.html());
        assertEquals(List.of(new SourceMedia(MediaKind.PHOTO, server.baseUrl() + "/img/2.jpg")), newest.media());
        assertTrue(new String(newest.rawFragment(), StandardCharsets.UTF_8).contains("<div class=\"article-body\">"));
        assertFalse(page.reachesFirstPost(), "without nextPage the page shows only the latest items");
        assertEquals(Optional.empty(), page.olderPageCursor());
    }

    @Test
    void pagedListingLeadsToOlderPagesAndItsLastPageReachesTheFirstPost() {
        Map<String, String> paged = new HashMap<>(selectors());
        paged.put("nextPage", "a.next");
        serve("/news", listing("<a class=\"next\" href=\"?page=2\">Older</a>", item("/news/2", "Two", "2026-11-21")));
        serve("/news?page=2", listing("", item("/news/1", "One", "2026-11-20")));
        serve("/news/2", article("<p>2</p>"));
        serve("/news/1", article("<p>1</p>"));
        AccountRef account = new AccountRef(Platform.WEB, url("/news"), paged);

        ListingResult.Page first =
                assertInstanceOf(ListingResult.Page.class, source.listing(account, Optional.empty()));
        ListingResult older = source.listing(account, first.olderPageCursor());
        ListingResult.Page second = assertInstanceOf(ListingResult.Page.class, older, older::toString);

        assertEquals(Optional.of(url("/news?page=2")), first.olderPageCursor());
        assertEquals(
                List.of(url("/news/1")),
                second.posts().stream().map(SourcePost::platformPostId).toList());
        assertEquals(Optional.empty(), second.olderPageCursor());
        assertTrue(second.reachesFirstPost());
    }

    @Test
    void itemWhosePageFailsIsLeftOutNotArchivedWithoutItsBody() {
        serve("/news", listing(item("/news/2", "Two", "2026-11-21"), item("/news/1", "One", "2026-11-20")));
        serve("/news/2", aResponse().withStatus(503));
        serve("/news/1", article("<p>1</p>"));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(account(), Optional.empty()));

        assertEquals(
                List.of(url("/news/1")),
                page.posts().stream().map(SourcePost::platformPostId).toList());
    }

    @Test
    void itemPagesPastTheLimitAreNotFetched() {
        WebPageSource capped = new WebPageSource(
                new WebClient(FixedFetchConfig.forLocalServer(), new MutableClock()), itemsPerPage(1));
        serve("/news", listing(item("/news/2", "Two", "2026-11-21"), item("/news/1", "One", "2026-11-20")));
        serve("/news/2", article("<p>2</p>"));
        serve("/news/1", article("<p>1</p>"));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, capped.listing(account(), Optional.empty()));

        assertEquals(1, page.posts().size());
        server.verify(0, getRequestedFor(urlEqualTo(site + "/news/1")));
    }

    @Test
    void itemWithoutListedDateTakesThePagesPublicationTime() {
        serve(
                "/news",
                listing("<article class=\"news\"><h2><a href=\"" + site + "/news/3\">Undated</a></h2></article>"));
        serve(
                "/news/3",
                page("<html><head><meta property=\"article:published_time\" content=\"2026-11-19T08:00:00+01:00\">"
                        + "</head><body><div class=\"article-body\"><p>3</p></div></body></html>"));

        SourcePost post = assertInstanceOf(ListingResult.Page.class, source.listing(account(), Optional.empty()))
                .posts()
                .getFirst();

        assertEquals(Instant.parse("2026-11-19T07:00:00Z"), post.publishedAt());
    }

    @Test
    void listingWithoutMatchingItemsProvesNothing() {
        serve("/news", page("<html><body><p>Please log in</p></body></html>"));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(account(), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void removedListingIsAGoneAccount(int status) {
        serve("/news", aResponse().withStatus(status));

        assertInstanceOf(ListingResult.AccountGone.class, source.listing(account(), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 429, 403})
    void listingErrorsProveNothing(int status) {
        serve("/news", aResponse().withStatus(status));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(account(), Optional.empty()));
    }

    @Test
    void listingTimeoutProvesNothing() {
        serve("/news", aResponse().withFixedDelay(4_000).withBody("late"));

        ListingResult.Unknown unknown =
                assertInstanceOf(ListingResult.Unknown.class, source.listing(account(), Optional.empty()));

        assertTrue(unknown.reason().contains("timeout"), unknown.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void itemPageAnsweringNotFoundIsGone(int status) {
        serve("/news/9", aResponse().withStatus(status).withBody("gone"));

        PermalinkCheck.Gone gone = assertInstanceOf(PermalinkCheck.Gone.class, source.check(account(), ref("/news/9")));

        assertTrue(gone.evidence().contains("HTTP " + status), gone.evidence());
        assertArrayEquals(
                "gone".getBytes(StandardCharsets.UTF_8), gone.capture().body());
    }

    @Test
    void pageNotFoundServedWithStatus200IsGoneWhenTheNotFoundSelectorMatches() {
        serve("/news/9", page("<html><body><h1 class=\"error-404\">Page not found</h1></body></html>"));

        PermalinkCheck.Gone gone = assertInstanceOf(PermalinkCheck.Gone.class, source.check(account(), ref("/news/9")));

        assertTrue(gone.evidence().contains("options.notFound \"h1.error-404\""), gone.evidence());
        assertTrue(gone.evidence().contains("Page not found"), gone.evidence());
    }

    @Test
    void livingItemPageIsFoundWithItsContent() {
        serve("/news/9", article("<p>Still here.</p>"));

        PermalinkCheck.Found found =
                assertInstanceOf(PermalinkCheck.Found.class, source.check(account(), ref("/news/9")));

        assertEquals("Statement\n\nStill here.", found.post().text());
        assertEquals(url("/news/9"), found.post().platformPostId());
    }

    @Test
    void itemPageInAnUnknownLayoutProvesNothing() {
        serve("/news/9", page("<html><body><p>Please log in</p></body></html>"));

        assertInstanceOf(PermalinkCheck.Unknown.class, source.check(account(), ref("/news/9")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429})
    void itemPageErrorsProveNothing(int status) {
        serve("/news/9", aResponse().withStatus(status));

        assertInstanceOf(PermalinkCheck.Unknown.class, source.check(account(), ref("/news/9")));
    }

    @Test
    void itemPageRedirectedToAMissingPageIsGone() {
        server.stubFor(get(urlEqualTo(site + "/news/9"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", site + "/archive/9")));
        serve("/archive/9", aResponse().withStatus(404));

        assertInstanceOf(PermalinkCheck.Gone.class, source.check(account(), ref("/news/9")));
    }

    @Test
    void handleIsTheListingUrlAndNoUrlIsClaimedWithoutPlatformWeb() {
        assertEquals(
                Optional.of("https://www.mid.ru/ru/press_service/"),
                naming.normaliseHandle("HTTPS://WWW.MID.RU/ru/press_service/#main"));
        assertEquals(Optional.empty(), naming.normaliseHandle("www.mid.ru/ru"));
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create("https://www.mid.ru/ru/press_service/")));
        AccountRef account = new AccountRef(Platform.WEB, "https://www.mid.ru/ru/press_service/", selectors());
        assertEquals("https://www.mid.ru/ru/press_service/", naming.canonicalAccountUrl(account));
        assertEquals("https://www.mid.ru/ru/1", naming.canonicalPostUrl(account, "https://www.mid.ru/ru/1"));
    }

    private Map<String, String> selectors() {
        return Map.of(
                "item", "article.news",
                "link", "h2 a",
                "date", "time",
                "body", "div.article-body",
                "notFound", "h1.error-404");
    }

    private AccountRef account() {
        return new AccountRef(Platform.WEB, url("/news"), selectors());
    }

    private PostRef ref(String path) {
        return new PostRef(url(path), url(path));
    }

    private String url(String path) {
        return server.baseUrl() + site + path;
    }

    private String item(String path, String title, String date) {
        return "<article class=\"news\"><h2><a href=\"" + site + path + "\">" + title + "</a></h2><time datetime=\""
                + date + "\">" + date + "</time></article>";
    }

    private static ResponseDefinitionBuilder listing(String... items) {
        return page("<html><body><main>" + String.join("\n", items) + "</main></body></html>");
    }

    private static ResponseDefinitionBuilder article(String body) {
        return page("<html><head><title>Statement</title></head><body><nav>Menu</nav><div class=\"article-body\">"
                + body + "</div></body></html>");
    }

    private static ResponseDefinitionBuilder page(String html) {
        return aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(html);
    }

    private void serve(String pathAndQuery, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlEqualTo(site + pathAndQuery)).willReturn(response));
    }

    private static WebPageConfig itemsPerPage(int max) {
        return new WebPageConfig() {
            @Override
            public int maxItemsPerPage() {
                return max;
            }

            @Override
            public Duration defaultPollInterval() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
