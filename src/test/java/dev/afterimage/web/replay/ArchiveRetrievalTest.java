package dev.afterimage.web.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import dev.afterimage.web.memento.MementoTimestamps;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A journalist pastes the link of a deleted post and gets it back: the page, the JSON, the Memento routes, the raw capture. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ArchiveRetrievalTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private TelegramScenario scenario;
    private String url;
    private Instant firstSeen;
    private Instant editSeen;

    /** A post seen, edited a minute later, then deleted. */
    @BeforeEach
    void archiveAnEditedThenDeletedPost() {
        scenario = new TelegramScenario(wireMock, clock);
        scenario.post(7, Duration.ofMinutes(10), "Irrefutable evidence <script>alert(1)</script>")
                .photo(scenario.picture("proof", 2017));
        scenario.post(8, Duration.ofMinutes(5), "Stays");
        scenario.watch();
        scenario.poll();
        firstSeen = scenario.now();
        scenario.channel.edit(7, "Irrefutable evidence, revised");
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        editSeen = scenario.now();
        scenario.channel.delete(7);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        url = "https://t.me/" + scenario.channel.channel() + "/7";
    }

    @Test
    void anyFormOfThePostUrlFindsTheArchivedCopyAsJson() {
        String channel = scenario.channel.channel();
        for (String form : List.of(
                url,
                "t.me/s/" + channel + "/7",
                "http://telegram.me/" + channel.toUpperCase() + "/7?single",
                url + "?embed=1",
                url + "/",
                url + "?utm_source=x#frag")) {
            given().accept("application/json")
                    .queryParam("url", form)
                    .get("/archive")
                    .then()
                    .statusCode(200)
                    .body("post.url", equalTo(url))
                    .body("post.state", equalTo("DELETED"))
                    .body("versions.size()", equalTo(2))
                    .body("events.type", org.hamcrest.Matchers.hasItems("POST_EDITED", "POST_DELETED"));
        }
    }

    @Test
    void browsersGetThePageAsItWasWithTheDeletionBannerAndHistory() {
        String page = given().accept("text/html")
                .queryParam("url", url)
                .get("/archive")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract()
                .asString();

        assertTrue(page.contains("Deleted — detected"), page);
        assertTrue(page.contains("after publication"), page);
        assertTrue(page.contains("Irrefutable evidence, revised"));
        assertTrue(page.contains("<del>"), "the word diff between versions is shown");
        assertTrue(page.contains("<ins>"));
        String sha = given().accept("application/json")
                .queryParam("url", url)
                .get("/archive")
                .jsonPath()
                .getString("versions[0].media[0].sha256");
        assertTrue(page.contains("src=\"/media/" + sha + "\""), "the photo is served from the archive");
        assertTrue(page.contains("SHA-256 " + sha));
        assertFalse(page.contains("<script>alert(1)"), "archived text is escaped, never run");
    }

    @Test
    void unknownPostsAnswer404SayingWhoWouldCoverThem() {
        given().queryParam("url", "https://t.me/" + scenario.channel.channel() + "/99999")
                .get("/archive")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("is watched as account " + scenario.accountId()));
        given().queryParam("url", "https://t.me/nobody_watches_this/5")
                .get("/archive")
                .then()
                .statusCode(404)
                .body("detail", containsString("is not watched"));
        for (String elsewhere : List.of(
                "https://mastodon.social/@gargron/1",
                "https://bsky.app/profile/nobody.example/post/3kaheyt6vpc22",
                "https://x.com/nobody/status/1")) {
            given().queryParam("url", elsewhere)
                    .get("/archive")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("is not archived"));
        }
        given().queryParam("url", "https://mastodon.social/@gargron/1")
                .get("/archive")
                .then()
                .body("detail", containsString("https://mastodon.social/@gargron\""));
        given().queryParam("url", "https://example.org/news/1")
                .get("/archive")
                .then()
                .statusCode(400)
                .body("field", equalTo("url"));
        given().get("/archive").then().statusCode(400).body("field", equalTo("url"));
    }

    @Test
    void timeGateRedirectsToTheClosestMemento() {
        String first = MementoTimestamps.format14(firstSeen);
        String second = MementoTimestamps.format14(editSeen);

        Response latest = given().redirects().follow(false).get("/web/" + url);
        assertEquals(302, latest.statusCode());
        assertTrue(latest.header("Location").endsWith("/web/" + second + "/" + url), latest.header("Location"));
        assertEquals("accept-datetime", latest.header("Vary"));
        assertTrue(latest.header("Link").contains("rel=\"original\""), latest.header("Link"));

        Response early = given().redirects()
                .follow(false)
                .header("Accept-Datetime", MementoTimestamps.httpDate(firstSeen.minus(Duration.ofDays(3))))
                .get("/web/" + url);
        assertEquals(302, early.statusCode());
        assertTrue(early.header("Location").endsWith("/web/" + first + "/" + url), early.header("Location"));

        given().redirects()
                .follow(false)
                .header("Accept-Datetime", "yesterday")
                .get("/web/" + url)
                .then()
                .statusCode(400)
                .body("field", equalTo("Accept-Datetime"));
    }

    @Test
    void mementoCarriesItsDatetimeAndLinks() {
        String first = MementoTimestamps.format14(firstSeen);

        Response memento = given().accept("application/json").get("/web/" + first + "/" + url);

        assertEquals(200, memento.statusCode());
        assertEquals(1, memento.jsonPath().getList("versions").size(), "a memento is the post as it was then");
        assertTrue(memento.jsonPath().getString("versions[0].text").startsWith("Irrefutable evidence <script>"));
        assertEquals(List.of(), memento.jsonPath().getList("events"), "nothing detected later");
        String page =
                given().accept("text/html").get("/web/" + first + "/" + url).asString();
        assertFalse(page.contains("Deleted — detected"), "the deletion came later than this memento");
        assertEquals(
                MementoTimestamps.httpDate(firstSeen.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                memento.header("Memento-Datetime"));
        String link = memento.header("Link");
        for (String rel : List.of("original", "timegate", "timemap", "first", "last", "next")) {
            assertTrue(link.matches("(?s).*rel=\"[^\"]*\\b" + rel + "\\b[^\"]*\".*"), rel + " in " + link);
        }
        Response inexact = given().redirects().follow(false).get("/web/" + first.substring(0, 8) + "/" + url);
        assertEquals(302, inexact.statusCode());
        assertTrue(inexact.header("Location").contains("/web/" + first + "/"));
    }

    @Test
    void rawCaptureAndMediaLoadNothingOfTheWatchedSite() {
        JsonPath post = given().accept("application/json")
                .queryParam("url", url)
                .get("/archive")
                .jsonPath();
        String sha = post.getString("versions[0].media[0].sha256");

        for (String path : List.of("/web/" + MementoTimestamps.format14(firstSeen) + "id_/" + url, "/media/" + sha)) {
            Response served = given().get(path);
            assertEquals(200, served.statusCode(), path);
            assertEquals("default-src 'none'; sandbox", served.header("Content-Security-Policy"), path);
            assertEquals("nosniff", served.header("X-Content-Type-Options"), path);
        }
        String pagePolicy = given().accept("text/html")
                .queryParam("url", url)
                .get("/archive")
                .header("Content-Security-Policy");
        assertTrue(pagePolicy.startsWith("default-src 'none';"), pagePolicy);
        assertFalse(pagePolicy.contains("*") || pagePolicy.contains("http"), "no other origin may load: " + pagePolicy);
    }

    @Test
    void rawCaptureIsTheReceivedBytesSandboxed() {
        JsonPath post = given().accept("application/json")
                .queryParam("url", url)
                .get("/archive")
                .jsonPath();

        Response raw = given().get("/web/" + MementoTimestamps.format14(firstSeen) + "id_/" + url);

        assertEquals(200, raw.statusCode());
        assertTrue(raw.header("Content-Security-Policy").endsWith("sandbox"));
        assertEquals("nosniff", raw.header("X-Content-Type-Options"));
        assertEquals(post.getString("versions[0].rawSha256"), Sha256.of(raw.asByteArray()));
    }

    @Test
    void timeMapsListEveryVersion() {
        String links = given().get("/timemap/link/" + url)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/link-format"))
                .extract()
                .asString();
        assertEquals(2, links.split("rel=\"[^\"]*memento").length - 1, links);
        assertTrue(links.contains("<" + url + ">; rel=\"original\""), links);

        given().get("/timemap/json/" + url)
                .then()
                .statusCode(200)
                .body("original_uri", equalTo(url))
                .body("mementos.list.size()", equalTo(2));
    }
}
