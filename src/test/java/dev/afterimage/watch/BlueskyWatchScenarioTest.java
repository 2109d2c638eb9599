package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.BlueskyScenario;
import dev.afterimage.testkit.FakeBluesky;
import dev.afterimage.testkit.FakeJetstream;
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
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fake Bluesky account driven through time, polled through the API and pushed by a fake Jetstream. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class BlueskyWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    BlueskyStreamWatch stream;

    private BlueskyScenario scenario;

    @BeforeEach
    void newScenario() {
        scenario = new BlueskyScenario(wireMock, clock);
    }

    @AfterEach
    void stopStream() {
        stream.stop();
    }

    @Test
    void newPostIsArchivedWithItsPhotosAndHashesUnderItsBskyAppUrl() {
        scenario.post(1, Duration.ofHours(3), "Morning briefing")
                .photo(scenario.picture("a", 1))
                .photo(scenario.picture("b", 2));
        scenario.post(2, Duration.ofHours(2), "Second statement");
        scenario.watch();

        JsonPath summary = scenario.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(2, summary.getInt("newPosts"));
        assertEquals(2, summary.getInt("mediaDownloaded"));
        assertEquals(List.of(), scenario.events());
        String url = "https://bsky.app/profile/" + scenario.account.handle() + "/post/" + FakeBluesky.recordKey(1);
        JsonPath post = scenario.postById(1);
        assertEquals(url, post.getString("post.url"));
        assertEquals("Morning briefing", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO", "PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(800, post.getInt("versions[0].media[0].width"));
        given().queryParam("url", url.replace("https://", "http://") + "?ref=share")
                .accept("application/json")
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.url", org.hamcrest.Matchers.equalTo(url));
    }

    @Test
    void newLikesAreNoNewVersion() {
        scenario.post(1, Duration.ofHours(1), "Statement").likes(3);
        scenario.watch();
        scenario.poll();
        scenario.account.existing(1).likes(900);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(0, summary.getInt("newVersions"));
        assertEquals(List.of(), scenario.events());
    }

    @Test
    void rewrittenRecordWithANewCidIsAnEdit() {
        scenario.post(1, Duration.ofHours(1), "The convoy was seen near the border");
        scenario.watch();
        scenario.poll();
        scenario.account.existing(1).rewrite("The convoy was seen far from the border", scenario.now());
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        JsonPath post = scenario.postById(1);
        assertEquals("The convoy was seen far from the border", post.getString("versions[1].text"));
    }

    @Test
    void swappedPhotoIsAMediaChange() {
        scenario.post(1, Duration.ofHours(1), "Evidence").photo(scenario.picture("original", 11));
        scenario.watch();
        scenario.poll();
        scenario.account.existing(1).replacePhotos(List.of(scenario.picture("replacement", 12)), scenario.now());
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(List.of("MEDIA_CHANGED"), scenario.eventTypes());
        JsonPath post = scenario.postById(1);
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void deletedPostIsReportedOnceOnTheAppViewsNotFound() {
        scenario.post(1, Duration.ofHours(3), "Stays");
        scenario.post(2, Duration.ofHours(2), "Will be deleted");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(2);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) scenario.events().getFirst().get("details");
        assertTrue(String.valueOf(details.get("evidence")).contains("NotFound"), String.valueOf(details));
        assertEquals("DELETED", scenario.postById(2).getString("post.state"));
        assertEquals("LIVE", scenario.postById(1).getString("post.state"));
    }

    @Test
    void deletionIsNotDeclaredWhileTheThreadAnswersAServerError() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted during an outage");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping outage = scenario.faultThread(1, aResponse().withStatus(502));

        JsonPath during = scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(1, during.getInt("unknown"));
        assertEquals(List.of(), scenario.events());
        scenario.heal(outage);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void deletionIsNotDeclaredWhileRateLimited() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted while rate limited");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping limited = scenario.faultProfile(aResponse().withStatus(429).withHeader("Retry-After", "120"));

        scenario.advance(MINUTE);
        assertEquals("UNKNOWN", scenario.poll().getString("outcome"));
        scenario.heal(limited);
        scenario.advance(MINUTE);
        JsonPath stillWaiting = scenario.poll();

        assertEquals("UNKNOWN", stillWaiting.getString("outcome"));
        assertEquals(List.of(), scenario.events());
        scenario.advance(Duration.ofMinutes(2));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void deletionIsNotDeclaredWhenTheFeedTimesOut() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted behind a timeout");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping slow = scenario.faultFeed(
                aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}"));

        scenario.advance(MINUTE);
        JsonPath during = scenario.poll();

        assertEquals("UNKNOWN", during.getString("outcome"));
        assertTrue(during.getString("detail").contains("timeout"), during.getString("detail"));
        assertEquals(List.of(), scenario.events());
        scenario.heal(slow);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void deactivatedAccountIsOneAccountEventNotManyDeletionsAndComesBack() {
        for (long id = 1; id <= 3; id++) {
            scenario.post(id, Duration.ofHours(10 - id), "Post " + id);
        }
        scenario.watch();
        scenario.poll();
        scenario.account.setDeactivated(true);

        List<JsonPath> whileGone = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileGone.getLast().getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        scenario.account.setDeactivated(false);
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
        for (long id = 1; id <= 3; id++) {
            assertEquals("LIVE", scenario.postById(id).getString("post.state"));
        }
    }

    @Test
    void postPushedToPageTwoIsNoSuspect() {
        scenario.account.pageSize(5);
        scenario.post(100, Duration.ofHours(30), "Soon on page two");
        scenario.watch();
        scenario.poll();
        for (long id = 101; id <= 107; id++) {
            scenario.post(id, Duration.ofHours(108 - id), "Update " + id);
        }
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.postById(100).getString("post.state"));
    }

    @Test
    void deletionPushedByJetstreamIsConfirmedWithinSecondsWithoutAPoll() throws InterruptedException {
        scenario.post(1, Duration.ofHours(2), "Stays");
        scenario.post(2, Duration.ofHours(1), "Will be deleted");
        scenario.watch();
        scenario.poll();
        try (FakeJetstream jetstream = new FakeJetstream()) {
            stream.start(jetstream.url());
            HttpUrl subscription = jetstream.nextSubscription(10);
            assertTrue(subscription.queryParameterValues("wantedDids").contains(scenario.account.did()));
            assertEquals("app.bsky.feed.post", subscription.queryParameter("wantedCollections"));
            scenario.account.delete(2);
            scenario.publish();
            scenario.advance(MINUTE);

            long pushedAt = System.nanoTime();
            jetstream.pushCommit(scenario.account.did(), 1_700_000_000_000_000L, "delete", FakeBluesky.recordKey(2));

            assertEquals(List.of("POST_DELETED"), awaitEvents(1, Duration.ofSeconds(15)));
            long latencyMillis = (System.nanoTime() - pushedAt) / 1_000_000;
            assertTrue(latencyMillis < 15_000, "deletion seen " + latencyMillis + " ms after the stream said so");
            stream.stop();
        }
    }

    @Test
    void droppedStreamResumesFromItsLastEventWhilePollingGoesOn() throws InterruptedException {
        scenario.post(1, Duration.ofHours(2), "Will be deleted while the stream is down");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        try (FakeJetstream jetstream = new FakeJetstream()) {
            stream.start(jetstream.url());
            jetstream.nextSubscription(10);
            long lastEvent = 1_700_000_000_000_001L;
            jetstream.pushCommit(scenario.account.did(), lastEvent, "create", FakeBluesky.recordKey(2));

            jetstream.drop();
            scenario.account.delete(1);
            scenario.advance(MINUTE);
            scenario.poll();

            assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
            HttpUrl resumed = jetstream.nextSubscription(15);
            assertEquals(String.valueOf(lastEvent), resumed.queryParameter("cursor"));
            assertTrue(resumed.queryParameterValues("wantedDids").contains(scenario.account.did()));
            stream.stop();
        }
    }

    /** The account's event types once there are at least {@code count}, waiting in real time for the stream's poll. */
    private List<String> awaitEvents(int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> types = scenario.eventTypes();
        while (types.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            types = scenario.eventTypes();
        }
        return types;
    }
}
