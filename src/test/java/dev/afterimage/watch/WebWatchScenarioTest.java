package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** A fake ministry news section without a feed, driven through time; each scenario asserts the exact events. */
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
    void newItemIsArchivedFromItsOwnPageWithItsPictureAndHashes() {
        site.publish("visit", ago(Duration.ofHours(2)), "Visit to the port", "The minister visited the port.")
                .picture(picture("visit", 1));
        watch();

        JsonPath summary = poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(1, summary.getInt("mediaDownloaded"));
        JsonPath post = api.post(url(site.itemPath("visit")));
        assertEquals(url(site.itemPath("visit")), post.getString("post.url"));
        assertEquals("Visit to the port\n\nThe minister visited the port.", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(64, post.getString("versions[0].media[0].sha256").length());
        assertEquals(List.of(), api.events());
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
    void changedBodyIsAnEdit() {
        site.publish("a", ago(Duration.ofHours(2)), "Statement", "Troops were seen near the border.");
        watch();
        poll();
        site.item("a").body("Troops were seen far from the border.");
        clock.advance(MINUTE);

        JsonPath summary = poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), api.eventTypes());
    }

    @Test
    void swappedPictureIsAMediaChange() {
        site.publish("a", ago(Duration.ofHours(2)), "Evidence", "Photo of the site.")
                .picture(picture("original", 11));
        watch();
        poll();
        site.item("a").clearPictures().picture(picture("replacement", 12));
        clock.advance(MINUTE);

        poll();

        assertEquals(List.of("MEDIA_CHANGED"), api.eventTypes());
        JsonPath post = api.post(url(site.itemPath("a")));
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void itemWhosePageAnswers404IsReportedDeletedOnce() {
        publishThree();
        watch();
        poll();
        site.delete("doomed");
        clock.advance(MINUTE);

        JsonPath summary = poll();
        clock.advance(MINUTE);
        poll();

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
        assertEquals("DELETED", api.post(url(site.itemPath("doomed"))).getString("post.state"));
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
    void deletionIsNotDeclaredWhileTheItemPageAnswersErrorsOrTimesOut() {
        publishThree();
        watch();
        poll();
        site.delete("doomed");

        for (ResponseDefinitionBuilder trouble : List.of(
                aResponse().withStatus(502),
                aResponse().withStatus(200).withBody("<html><body>Please log in</body></html>"),
                aResponse().withStatus(200).withFixedDelay(3_000).withBody("late"))) {
            StubMapping fault = fault(site.itemPath("doomed"), trouble);
            clock.advance(MINUTE);
            assertEquals(1, poll().getInt("unknown"));
            wireMock.removeStub(fault);
        }

        assertEquals(List.of(), api.events());
        clock.advance(MINUTE);
        poll();
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
    }

    @Test
    void rateLimitedSiteReportsNothingUntilItAnswersAgain() {
        publishThree();
        watch();
        poll();
        site.delete("doomed");
        StubMapping limited =
                fault(site.itemPath("doomed"), aResponse().withStatus(429).withHeader("Retry-After", "120"));
        clock.advance(MINUTE);

        poll();
        wireMock.removeStub(limited);
        clock.advance(MINUTE);
        JsonPath stillWaiting = poll();

        assertEquals("UNKNOWN", stillWaiting.getString("outcome"));
        assertEquals(List.of(), api.events());
        clock.advance(Duration.ofMinutes(2));
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
    void removedNewsSectionIsOneAccountEventAndItsReturnAnother() {
        publishThree();
        watch();
        poll();
        site.setGone(true);

        JsonPath gone = null;
        for (int i = 0; i < 3; i++) {
            clock.advance(MINUTE);
            gone = poll();
        }

        assertEquals("ACCOUNT_GONE", gone.getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), api.eventTypes());
        site.setGone(false);
        clock.advance(MINUTE);
        poll();
        clock.advance(MINUTE);
        poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), api.eventTypes());
    }

    @Test
    void itemPushedToPageTwoIsNotASuspect() {
        site.pageSize(3);
        site.publish("oldest", ago(Duration.ofHours(30)), "Oldest", "Soon on page two.");
        watch();
        poll();
        for (int i = 1; i <= 3; i++) {
            site.publish("new-" + i, ago(Duration.ofHours(10 - i)), "New " + i, "Text " + i);
        }
        clock.advance(MINUTE);

        JsonPath summary = poll();

        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals("OK", summary.getString("outcome"));
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
