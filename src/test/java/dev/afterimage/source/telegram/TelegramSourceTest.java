package dev.afterimage.source.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Telegram source over HTTP, fed the real captured pages: which answers of t.me mean a post or a channel is
 * gone, and which prove nothing.
 */
class TelegramSourceTest {

    private static final AccountRef DUROV = new AccountRef(Platform.TELEGRAM, "durov");

    @RegisterExtension
    static final WireMockExtension telegram = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock();
    private final TelegramNaming naming = new TelegramNaming();
    private final TelegramSource source = new TelegramSource(
            new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofMillis(500)), clock),
            () -> telegram.baseUrl());

    @Test
    void realChannelPageIsAPageOfCanonicalPosts() {
        serve("/s/durov", page(RealFixtures.read("telegram/channel-page-durov-excerpt.html")));

        ListingResult.Page page = assertInstanceOf(ListingResult.Page.class, source.listing(DUROV, Optional.empty()));

        assertEquals(5, page.posts().size());
        assertEquals("https://t.me/durov/536", page.posts().getFirst().url());
        assertEquals(Optional.of("523"), page.olderPageCursor());
        assertEquals(telegram.baseUrl() + "/s/durov", page.url());
    }

    @Test
    void theSamePageAgainIsNotReadButCanBeAndAnotherIsRead() {
        byte[] html = RealFixtures.read("telegram/channel-page-durov-excerpt.html");
        serve("/s/durov", page(html));
        ListingResult.Page first = assertInstanceOf(ListingResult.Page.class, source.listing(DUROV, Optional.empty()));
        PageDigest digest = first.digest().orElseThrow();

        ListingResult.Unchanged again =
                assertInstanceOf(ListingResult.Unchanged.class, source.newestPage(DUROV, digest));
        ListingResult.Page readAfterAll =
                assertInstanceOf(ListingResult.Page.class, again.read().get());

        assertEquals(texts(first), texts(readAfterAll));
        assertEquals(first.digest(), readAfterAll.digest());
        byte[] oneByteMore = Arrays.copyOf(html, html.length + 1);
        oneByteMore[html.length] = '\n';
        serve("/s/durov", page(oneByteMore));
        ListingResult.Page changed = assertInstanceOf(ListingResult.Page.class, source.newestPage(DUROV, digest));
        assertEquals(texts(first), texts(changed));
        assertNotEquals(first.digest(), changed.digest());
    }

    @Test
    void aFailedFetchOfTheSamePageIsUnknownNotUnchanged() {
        serve("/s/durov", page(RealFixtures.read("telegram/channel-page-durov-excerpt.html")));
        PageDigest digest = assertInstanceOf(ListingResult.Page.class, source.listing(DUROV, Optional.empty()))
                .digest()
                .orElseThrow();
        serve("/s/durov", aResponse().withStatus(502));

        assertInstanceOf(ListingResult.Unknown.class, source.newestPage(DUROV, digest));
    }

    @Test
    void olderPageIsAskedWithBeforeAndNotDigestedSinceNoPollComparesIt() {
        telegram.stubFor(get(urlEqualTo("/s/durov?before=523"))
                .willReturn(page(RealFixtures.read("telegram/channel-page-durov-excerpt.html"))));

        ListingResult.Page older =
                assertInstanceOf(ListingResult.Page.class, source.listing(DUROV, Optional.of("523")));

        assertEquals(5, older.posts().size());
        assertEquals(Optional.empty(), older.digest());
    }

    @Test
    void realPostNotFoundEmbedIsGone() {
        serve("/durov/999999", page(RealFixtures.read("telegram/embed-missing-post-not-found.html")));

        PermalinkCheck.Gone gone = assertInstanceOf(PermalinkCheck.Gone.class, source.check(DUROV, post("999999")));

        assertTrue(gone.evidence().contains("Post not found"), gone.evidence());
        assertTrue(gone.evidence().startsWith("https://t.me/durov/999999"), gone.evidence());
    }

    @Test
    void realExistingEmbedIsFound() {
        serve("/durov/523", page(RealFixtures.read("telegram/embed-existing-durov-523.html")));

        PermalinkCheck.Found found = assertInstanceOf(PermalinkCheck.Found.class, source.check(DUROV, post("523")));

        assertEquals("523", found.post().platformPostId());
    }

    @Test
    void channelRedirectingToTheRealNoSuchNamePageIsGone() {
        serve("/s/durov", aResponse().withStatus(302).withHeader("Location", "https://t.me/durov"));
        serve("/durov", page(RealFixtures.read("telegram/landing-nonexistent-username.html")));

        assertInstanceOf(ListingResult.AccountGone.class, source.listing(DUROV, Optional.empty()));
    }

    @Test
    void redirectElsewhereOrOnAnOlderPageProvesNothing() {
        serve("/s/durov", aResponse().withStatus(302).withHeader("Location", "https://telegram.org/"));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(DUROV, Optional.empty()));

        telegram.stubFor(get(urlEqualTo("/s/durov?before=5"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/durov")));
        serve("/durov", page(RealFixtures.read("telegram/landing-nonexistent-username.html")));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(DUROV, Optional.of("5")));
    }

    @Test
    void errorsTimeoutsAndStrangePagesAreUnknownNeverGone() {
        for (ResponseDefinitionBuilder answer : new ResponseDefinitionBuilder[] {
            aResponse().withStatus(500),
            aResponse().withStatus(502),
            aResponse().withStatus(404),
            aResponse().withStatus(200).withBody(""),
            aResponse()
                    .withStatus(200)
                    .withBody("<html><body><form action=/login>Log in to continue</form></body></html>"),
            aResponse().withStatus(200).withFixedDelay(1500).withBody("slow"),
        }) {
            telegram.resetAll();
            serve("/durov/77", answer);
            serve("/s/durov", answer);
            assertInstanceOf(PermalinkCheck.Unknown.class, source.check(DUROV, post("77")));
            assertInstanceOf(ListingResult.Unknown.class, source.listing(DUROV, Optional.empty()));
        }
    }

    @Test
    void tooManyRequestsIsUnknownAndTheHostIsLeftAlone() {
        serve("/durov/77", aResponse().withStatus(429).withHeader("Retry-After", "30"));

        assertInstanceOf(PermalinkCheck.Unknown.class, source.check(DUROV, post("77")));
        PermalinkCheck.Unknown waiting =
                assertInstanceOf(PermalinkCheck.Unknown.class, source.check(DUROV, post("77")));

        assertTrue(waiting.reason().contains("rate limited"), waiting.reason());
        assertEquals(1, telegram.getAllServeEvents().size());
    }

    @ParameterizedTest
    @CsvSource({
        "https://t.me/mod_russia, mod_russia",
        "https://t.me/s/mod_russia, mod_russia",
        "http://telegram.me/Mod_Russia/, mod_russia",
        "https://t.me/mod_russia/12345, mod_russia",
        "https://t.me/s/mod_russia/12345?single, mod_russia",
        "https://www.t.me/kpszsu, kpszsu",
    })
    void profileUrlsNameTheChannel(String url, String handle) {
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({
        "https://x.com/mod_russia",
        "https://t.me/joinchat/AAAA",
        "https://t.me/+AbCdEf",
        "https://t.me/",
        "https://t.me/mod_russia/12345/6",
        "https://t.me/abc",
    })
    void otherUrlsAreNotTelegramProfiles(String url) {
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"@Durov, durov", "mod_russia, mod_russia", "kpszsu, kpszsu"})
    void handlesAreLowerCasedWithoutTheAt(String given, String normalised) {
        assertEquals(Optional.of(normalised), naming.normaliseHandle(given));
    }

    @ParameterizedTest
    @CsvSource({"'no way', ", "1abcde, ", "ab, ", "share, ", "'a'' OR 1=1', "})
    void invalidHandlesAreRefused(String given) {
        assertEquals(Optional.empty(), naming.normaliseHandle(given));
    }

    private static void serve(String path, ResponseDefinitionBuilder answer) {
        telegram.stubFor(get(urlPathEqualTo(path)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder page(byte[] html) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(html);
    }

    private static PostRef post(String id) {
        return new PostRef(id, "https://t.me/durov/" + id);
    }

    /** Each post's id and text: a post keeps the bytes it was read from, which compare by identity. */
    private static List<String> texts(ListingResult.Page page) {
        return page.posts().stream()
                .map(post -> post.platformPostId() + ": " + post.text())
                .toList();
    }
}
