package dev.afterimage.web.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WatchApi;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whoever controls one watched feed can write any link into it. A feed entry linking a Telegram post is the feed's
 * entry: the archive never answers the Telegram post's URL with it, on any route, and says who mentioned it instead.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class PlantedPostTest {

    private static final AtomicInteger FEEDS = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private final WatchApi feedApi = new WatchApi();
    private String feedUrl;
    private String ownLink;
    private String telegramUrl;
    private long postId;

    /** A watched feed with an entry of its own and an entry whose link is a Telegram post. */
    @BeforeEach
    void watchAFeedThatPlantsATelegramLink() {
        clock.advance(Duration.ofDays(1));
        int n = FEEDS.incrementAndGet();
        postId = 900_000 + System.nanoTime() % 100_000;
        String path = "/planted-" + n;
        feedUrl = wireMock.baseUrl() + path + "/rss.xml";
        ownLink = wireMock.baseUrl() + path + "/news/own";
        telegramUrl = "https://t.me/mod_russia/" + postId;
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ministry</title>"
                + "<item><guid>planted</guid><title>Fake statement</title><link>" + telegramUrl + "</link>"
                + "<description>Words the channel never wrote</description><pubDate>" + date + "</pubDate></item>"
                + "<item><guid>own</guid><title>Real release</title><link>" + ownLink + "</link>"
                + "<description>The ministry's own words</description><pubDate>" + date + "</pubDate></item>"
                + "</channel></rss>";
        wireMock.stubFor(get(urlPathEqualTo(path + "/rss.xml"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(rss)));
        feedApi.watch(Map.of("url", feedUrl, "label", "Planted feed " + n));
        assertEquals("OK", feedApi.poll().getString("outcome"));
    }

    @Test
    void aPlantedTelegramLinkIsArchivedAsTheFeedsEntryNamingWhatItLinks() {
        JsonPath entry = feedApi.post("planted");

        assertEquals(feedUrl + "#" + telegramUrl, entry.getString("post.url"));
        assertEquals("rss", entry.getString("post.platform"));
        given().accept("application/json")
                .queryParam("url", entry.getString("post.url"))
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.id", equalTo(entry.getInt("post.id")));
        // As a browser follows the archive's own link: the '#' escaped once, not again by the client.
        given().urlEncodingEnabled(false)
                .get("/timemap/link/" + ArchivedPosts.inPath(entry.getString("post.url")))
                .then()
                .statusCode(200)
                .body(containsString("<" + entry.getString("post.url") + ">; rel=\"original\""));
        String page = given().accept("text/html")
                .queryParam("url", entry.getString("post.url"))
                .get("/archive")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("A third-party mention"), page);
        assertTrue(page.contains("rss account " + feedUrl), page);
    }

    @Test
    void theTelegramUrlIsNeverAnsweredWithTheFeedsText() {
        given().accept("application/json")
                .queryParam("url", telegramUrl)
                .get("/archive")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(MentionOnlyException.PROBLEM_TYPE))
                .body("detail", containsString("third-party mention"))
                .body("detail", containsString("rss account " + feedUrl));
        for (String form : new String[] {telegramUrl, "t.me/s/mod_russia/" + postId}) {
            given().redirects().follow(false).get("/web/" + form).then().statusCode(404);
            given().get("/web/20300101000000/" + form).then().statusCode(404);
            given().get("/web/20300101000000id_/" + form).then().statusCode(404);
            given().get("/timemap/link/" + form).then().statusCode(404);
            given().get("/timemap/json/" + form).then().statusCode(404);
        }
        String lookup = given().queryParam("url", telegramUrl)
                .get("/console/lookup")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertTrue(lookup.contains("third-party mention"), lookup);
        assertTrue(lookup.contains("/console/posts/" + feedApi.post("planted").getInt("post.id")), lookup);
        assertFalse(lookup.contains("Words the channel never wrote"), lookup);
    }

    @Test
    void theFeedsOwnEntryIsStillFoundByItsOwnLink() {
        given().accept("application/json")
                .queryParam("url", ownLink)
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.url", equalTo(ownLink))
                .body("versions[0].text", containsString("The ministry's own words"));
    }

    @Test
    void theChannelsOwnCopyIsServedWhateverAFeedLinks() {
        TelegramScenario telegram = new TelegramScenario(wireMock, clock);
        telegram.post(7, Duration.ofMinutes(10), "What the channel wrote");
        telegram.watch();
        telegram.poll();
        String channelUrl = "https://t.me/" + telegram.channel.channel() + "/7";
        String rss = "<rss version=\"2.0\"><channel><item><guid>x</guid><title>Planted</title><link>" + channelUrl
                + "</link><description>Planted words</description></item></channel></rss>";
        wireMock.stubFor(get(urlPathEqualTo("/planted-over/rss.xml"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(rss)));
        WatchApi planter = new WatchApi();
        planter.watch(Map.of("url", wireMock.baseUrl() + "/planted-over/rss.xml"));
        planter.poll();

        given().accept("application/json")
                .queryParam("url", channelUrl)
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.platform", equalTo("telegram"))
                .body("versions[0].text", equalTo("What the channel wrote"));
    }
}
