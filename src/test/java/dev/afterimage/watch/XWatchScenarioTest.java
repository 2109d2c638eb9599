package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeX;
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

/** A fake X account driven through time against the API v2 stand-in; every scenario asserts the exact events. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class XWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeX account;
    private ApiDriver scenario;

    @BeforeEach
    void newScenario() {
        // X usernames are at most 15 characters.
        account = new FakeX("xs" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36));
        scenario = new ApiDriver(wireMock, clock, account.username(), () -> account.install(wireMock));
    }

    @Test
    void newPostIsArchivedWithItsMediaAndHashes() {
        long id = account.post(
                scenario.now().minus(Duration.ofHours(2)),
                "Morning briefing",
                scenario.picture("a", 1),
                scenario.picture("b", 2));
        scenario.watch("https://x.com/" + account.username());

        JsonPath summary = scenario.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(2, summary.getInt("mediaDownloaded"));
        assertEquals(List.of(), scenario.events());
        JsonPath post = scenario.post(String.valueOf(id));
        assertEquals("https://x.com/i/status/" + id, post.getString("post.url"));
        assertEquals("Morning briefing", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO", "PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(64, post.getString("versions[0].media[0].sha256").length());
    }

    @Test
    void editIsANewVersionOfTheSamePostAndReported() {
        long id = account.post(scenario.now().minus(Duration.ofMinutes(10)), "The convoy was seen near the border");
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        account.edit(id, scenario.now(), "The convoy was seen far from the border");
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        JsonPath post = scenario.post(String.valueOf(id));
        assertEquals(2, post.getList("versions").size());
        assertEquals("The convoy was seen far from the border", post.getString("versions[1].text"));
    }

    @Test
    void photoSwappedByAnEditIsAMediaChange() {
        long id = account.post(scenario.now().minus(Duration.ofMinutes(10)), "Evidence", scenario.picture("o", 11));
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        account.edit(id, scenario.now(), "Evidence", scenario.picture("r", 12));
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(List.of("MEDIA_CHANGED"), scenario.eventTypes());
        JsonPath post = scenario.post(String.valueOf(id));
        assertEquals(2, post.getList("versions").size());
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void deletionConfirmedByTheLookupIsReportedOnce() {
        account.post(scenario.now().minus(Duration.ofHours(5)), "Stays");
        long doomed = account.post(scenario.now().minus(Duration.ofHours(4)), "Will be deleted");
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        account.delete(doomed);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        Map<String, Object> event = scenario.events().getFirst();
        assertEquals("https://x.com/i/status/" + doomed, event.get("postUrl"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) event.get("details");
        assertTrue(String.valueOf(details.get("evidence")).contains("Could not find tweet"), details.toString());
        assertEquals("DELETED", scenario.post(String.valueOf(doomed)).getString("post.state"));
    }

    @Test
    void deletionIsNotConfirmedWhileTheLookupFailsOrIsLimited() {
        account.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        long doomed = account.post(scenario.now().minus(Duration.ofHours(2)), "Will be deleted during trouble");
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        account.delete(doomed);

        StubMapping outage = scenario.fault("/2/tweets", aResponse().withStatus(503));
        assertEquals(
                1, scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast().getInt("unknown"));
        scenario.heal(outage);
        StubMapping slow = scenario.fault(
                "/2/tweets", aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(slow);
        scenario.advance(MINUTE);
        // X sends no Retry-After: its window headers say when requests are allowed again.
        StubMapping limited = scenario.fault(
                "/2/tweets",
                aResponse()
                        .withStatus(429)
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader(
                                "x-rate-limit-reset",
                                String.valueOf(scenario.now()
                                        .plus(Duration.ofMinutes(2))
                                        .getEpochSecond())));
        scenario.poll();
        scenario.heal(limited);
        scenario.advance(MINUTE);
        JsonPath waiting = scenario.poll();

        assertEquals("UNKNOWN", waiting.getString("outcome"), "the host asked us to wait");
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(String.valueOf(doomed)).getString("post.state"));
        scenario.advance(Duration.ofMinutes(3));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void vanishedAccountIsOneAccountEventNotManyDeletionsAndComesBack() {
        List<Long> ids = List.of(
                account.post(scenario.now().minus(Duration.ofHours(3)), "One"),
                account.post(scenario.now().minus(Duration.ofHours(2)), "Two"),
                account.post(scenario.now().minus(Duration.ofHours(1)), "Three"));
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        account.setGone(true);

        List<JsonPath> whileGone = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileGone.getLast().getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        account.setGone(false);
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
        for (long id : ids) {
            assertEquals("LIVE", scenario.post(String.valueOf(id)).getString("post.state"));
        }
    }

    @Test
    void postOnPageTwoIsNotASuspect() {
        account.pageSize(5);
        long old = account.post(scenario.now().minus(Duration.ofHours(30)), "Soon on page two");
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        for (int i = 1; i <= 6; i++) {
            account.post(scenario.now().minus(Duration.ofHours(7 - i)), "Update " + i);
        }
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(String.valueOf(old)).getString("post.state"));
    }
}
