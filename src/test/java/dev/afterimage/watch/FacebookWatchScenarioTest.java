package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeFacebook;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fake Facebook Page driven through time against the Graph API stand-in; every scenario asserts the exact events. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class FacebookWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger PAGES = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeFacebook page;
    private ApiDriver scenario;

    @BeforeEach
    void newScenario() {
        page = new FakeFacebook(
                "fbpage." + PAGES.incrementAndGet() + "." + Long.toString(System.nanoTime() % 1_000_000, 36));
        scenario = new ApiDriver(wireMock, clock, page.handle(), () -> page.install(wireMock));
    }

    private void watch() {
        scenario.watch("https://www.facebook.com/" + page.handle());
    }

    @Test
    void newPostIsArchivedWithItsMediaAndHashes() {
        String id = page.post(
                scenario.now().minus(Duration.ofHours(2)),
                "Morning briefing",
                scenario.picture("a", 1),
                scenario.picture("b", 2));
        watch();

        JsonPath summary = scenario.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(2, summary.getInt("mediaDownloaded"));
        assertEquals(List.of(), scenario.events());
        JsonPath post = scenario.post(id);
        String number = id.substring(id.indexOf('_') + 1);
        assertEquals("https://www.facebook.com/" + page.handle() + "/posts/" + number, post.getString("post.url"));
        assertEquals("Morning briefing", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO", "PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(64, post.getString("versions[0].media[1].sha256").length());
    }

    @Test
    void editedMessageIsReported() {
        String id = page.post(scenario.now().minus(Duration.ofHours(1)), "The convoy was seen near the border");
        watch();
        scenario.poll();
        page.edit(id, scenario.now(), "The convoy was seen far from the border");
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        assertEquals(
                "The convoy was seen far from the border", scenario.post(id).getString("versions[1].text"));
    }

    @Test
    void swappedPhotoIsAMediaChange() {
        String id = page.post(scenario.now().minus(Duration.ofHours(1)), "Evidence", scenario.picture("o", 11));
        watch();
        scenario.poll();
        page.edit(id, scenario.now(), "Evidence", scenario.picture("r", 12));
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(List.of("MEDIA_CHANGED"), scenario.eventTypes());
        JsonPath post = scenario.post(id);
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void deletionConfirmedByTheGraphApiIsReportedOnce() {
        page.post(scenario.now().minus(Duration.ofHours(5)), "Stays");
        String doomed = page.post(scenario.now().minus(Duration.ofHours(4)), "Will be deleted");
        watch();
        scenario.poll();
        page.delete(doomed);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) scenario.events().getFirst().get("details");
        assertTrue(String.valueOf(details.get("evidence")).contains("100/33"), details.toString());
        assertEquals("DELETED", scenario.post(doomed).getString("post.state"));
    }

    @Test
    void deletionIsNotConfirmedWhileThePostOrThePageFails() {
        page.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = page.post(scenario.now().minus(Duration.ofHours(2)), "Will be deleted during trouble");
        watch();
        scenario.poll();
        page.delete(doomed);
        String postPath = "/" + FakeFacebook.VERSION + "/" + doomed;
        String pagePath = "/" + FakeFacebook.VERSION + "/" + page.handle();

        StubMapping outage = scenario.fault(postPath, aResponse().withStatus(500));
        assertEquals(
                1, scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast().getInt("unknown"));
        scenario.heal(outage);
        StubMapping pageDown = scenario.fault(pagePath, aResponse().withStatus(503));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(pageDown);
        StubMapping slow = scenario.fault(
                postPath, aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(slow);
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void deletionIsNotConfirmedWhileRateLimited() {
        page.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = page.post(scenario.now().minus(Duration.ofHours(2)), "Will be deleted while limited");
        watch();
        scenario.poll();
        page.delete(doomed);
        String postPath = "/" + FakeFacebook.VERSION + "/" + doomed;

        StubMapping tooMany =
                scenario.fault(postPath, aResponse().withStatus(429).withHeader("Retry-After", "120"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(tooMany);
        scenario.advance(MINUTE);
        assertEquals("UNKNOWN", scenario.poll().getString("outcome"), "the host asked us to wait");
        scenario.advance(Duration.ofMinutes(2));
        // The Graph API's own "slow down" is an error code in a 400, which pauses the source for a while.
        StubMapping limited = scenario.fault(
                postPath,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}"));
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(limited);
        scenario.advance(MINUTE);
        JsonPath paused = scenario.poll();

        assertEquals("UNKNOWN", paused.getString("outcome"), "paused after the Graph API's rate-limit error");
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
        scenario.advance(Duration.ofMinutes(10));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void vanishedPageIsOneAccountEventNotManyDeletionsAndComesBack() {
        List<String> ids = List.of(
                page.post(scenario.now().minus(Duration.ofHours(3)), "One"),
                page.post(scenario.now().minus(Duration.ofHours(2)), "Two"),
                page.post(scenario.now().minus(Duration.ofHours(1)), "Three"));
        watch();
        scenario.poll();
        page.setGone(true);

        List<JsonPath> whileGone = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileGone.getLast().getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        page.setGone(false);
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
        for (String id : ids) {
            assertEquals("LIVE", scenario.post(id).getString("post.state"));
        }
    }

    @Test
    void tokenWithoutPagePublicContentAccessIsAnAccountStateNotEndlessUnknownPolls() {
        String id = page.post(scenario.now().minus(Duration.ofHours(3)), "Read while the token could");
        watch();
        scenario.poll();
        page.setNeedsPageAccess(true);

        List<JsonPath> refused = scenario.pollEvery(MINUTE, Duration.ofMinutes(15));

        assertEquals("ACCOUNT_GONE", refused.getLast().getString("outcome"));
        assertTrue(
                refused.getLast().getString("detail").contains("needs Page Public Content Access"),
                refused.getLast().getString("detail"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes(), "no WATCH_FAILING, no deletion");
        assertEquals(
                "NEEDS_ACCESS",
                scenario.events().getFirst().get("details") instanceof Map<?, ?> details ? details.get("state") : null);
        io.restassured.RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", org.hamcrest.Matchers.equalTo("NEEDS_ACCESS"));
        assertEquals("LIVE", scenario.post(id).getString("post.state"));
        page.setNeedsPageAccess(false);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
    }

    @Test
    void postOnPageTwoIsNotASuspect() {
        page.pageSize(5);
        String old = page.post(scenario.now().minus(Duration.ofHours(30)), "Soon on page two");
        watch();
        scenario.poll();
        for (int i = 1; i <= 6; i++) {
            page.post(scenario.now().minus(Duration.ofHours(7 - i)), "Update " + i);
        }
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(old).getString("post.state"));
    }
}
