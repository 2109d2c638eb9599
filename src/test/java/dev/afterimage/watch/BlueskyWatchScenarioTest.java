package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake Bluesky account driven through time in what only Bluesky does (its DID, likes, the profile rate-limited, the
 * Jetstream pushing deletions); what every
 * platform does is {@link BlueskyWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
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
    void accountsDidIsLearntAtItsFirstPoll() {
        scenario.post(1, Duration.ofHours(3), "Morning briefing");
        scenario.watch();

        JsonPath summary = scenario.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(
                scenario.account.did(),
                RestAssured.get("/api/accounts/" + scenario.accountId())
                        .then()
                        .extract()
                        .path("platformAccountId"),
                "the account's DID is learnt at its first poll and asked for from then on");
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
