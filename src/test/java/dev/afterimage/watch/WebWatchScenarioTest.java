package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.FakeNewsSite;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.WatchApi;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake ministry news section without a feed driven through time in what only web pages do (a page changing around
 * an article, "not found" with HTTP 200, a login wall, selectors checked); what every
 * platform does is {@link WebWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class WebWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger SITES = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeNewsSite site;
    private final WatchApi api = new WatchApi();

    @BeforeEach
    void newSite() {
        // The clock only moves forward: nothing an earlier scenario left (a host's back-off) lies in this one's future.
        clock.advance(Duration.ofDays(1));
        site = new FakeNewsSite(
                "ministry-" + SITES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36));
    }

    @Test
    void unchangedArticleIsNoNewVersionThoughItsPageChangesAroundIt() {
        site.publish("a", ago(Duration.ofHours(2)), "Statement", "Words.");
        watch();
        poll();
        clock.advance(MINUTE);

        JsonPath summary = poll();

        assertEquals(0, summary.getInt("newVersions"));
        assertEquals(List.of(), api.events());
    }

    @Test
    void itemWhosePageSaysNotFoundWithStatus200IsReportedDeleted() {
        site.notFoundAs200();
        publishThree();
        watch();
        poll();
        site.delete("doomed");
        clock.advance(MINUTE);

        poll();

        assertEquals(List.of("POST_DELETED"), api.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) api.events().getFirst().get("details");
        assertTrue(
                String.valueOf(details.get("evidence")).contains("options.notFound"),
                String.valueOf(details.get("evidence")));
    }

    @Test
    void deletionIsNotDeclaredWhileTheItemPageShowsALoginWall() {
        publishThree();
        watch();
        poll();
        site.delete("doomed");
        StubMapping wall = fault(
                site.itemPath("doomed"),
                aResponse().withStatus(200).withBody("<html><body>Please log in</body></html>"));
        clock.advance(MINUTE);

        assertEquals(1, poll().getInt("unknown"));

        assertEquals(List.of(), api.events());
        wireMock.removeStub(wall);
        clock.advance(MINUTE);
        poll();
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
    }

    @Test
    void itemPageFailingDuringAListingIsNeitherDeletedNorEditedWhenItRecovers() {
        publishThree();
        watch();
        poll();
        StubMapping broken = fault(site.itemPath("doomed"), aResponse().withStatus(503));
        clock.advance(MINUTE);

        JsonPath during = poll();
        wireMock.removeStub(broken);
        clock.advance(MINUTE);
        JsonPath after = poll();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(0, after.getInt("newVersions"));
        assertEquals(List.of(), api.events());
    }

    @Test
    void optionsAreCheckedWhenTheAccountIsAdded() {
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(Map.of(
                        "platform", "web",
                        "handle", url(site.listingPath()),
                        "options", Map.of("item", "article[", "link", "a")))
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("options.item"));
    }

    private void publishThree() {
        site.publish("old", ago(Duration.ofHours(5)), "Old", "Stays.");
        site.publish("doomed", ago(Duration.ofHours(4)), "Doomed", "Will be deleted.");
        site.publish("new", ago(Duration.ofHours(3)), "New", "Stays too.");
    }

    private void watch() {
        site.install(wireMock);
        api.watch(Map.of(
                "platform",
                "web",
                "handle",
                url(site.listingPath()),
                "label",
                "Ministry news",
                "options",
                FakeNewsSite.SELECTORS));
    }

    private JsonPath poll() {
        site.install(wireMock);
        return api.poll();
    }

    private String url(String path) {
        return wireMock.baseUrl() + path;
    }

    private Instant ago(Duration age) {
        return clock.instant().minus(age).truncatedTo(ChronoUnit.SECONDS);
    }

    private String picture(String name, long seed) {
        String path = site.listingPath().replace("/news", "/img/" + name + ".jpg");
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return url(path);
    }

    /** Makes every request to this path answer as given, ahead of the fake's own stubs, until removed. */
    private StubMapping fault(String path, ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
    }
}
