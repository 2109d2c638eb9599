package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.FakeFeed;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WatchApi;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A first archive of a feed of 20,000 entries, while another account is polled: on its own profile (and so its own
 * application start), so that its posts do not slow the test classes sharing the database.
 */
@QuarkusTest
@TestProfile(LargeArchiveScenarioTest.LargeFeeds.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class LargeArchiveScenarioTest {

    /**
     * Far beyond one batch of the recorder and one page of any platform. 40,000 took over 20 minutes on PostgreSQL on
     * this 2-core machine (3.5 on H2), past the suite's budget; 20,000 proves the same within it.
     */
    private static final int ENTRIES = 20_000;

    /** Room for a feed of megabytes, and for a poll that archives it. */
    public static final class LargeFeeds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "afterimage.fetch.max-page-bytes", "67108864",
                    "afterimage.fetch.page-call-timeout", "60s",
                    "afterimage.fetch.read-timeout", "30s",
                    "afterimage.watch.poll-deadline", "PT30M",
                    "quarkus.http.test-timeout", "20m");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void twentyThousandEntryFeedIsArchivedInBatchesWhileAnotherAccountsPollsSucceed() throws Exception {
        clock.advance(Duration.ofDays(1));
        long suffix = System.nanoTime() % 100_000;
        FakeFeed big = new FakeFeed("big-" + suffix).showLatest(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            big.publish("e" + i, ago(Duration.ofSeconds(10L * (i + 1))), "E" + i, "t" + i);
        }
        // One stub for the whole feed: the first poll asks for no article, and 20,000 stubs would slow WireMock.
        wireMock.stubFor(get(urlPathEqualTo(big.feedPath()))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody(big.render(wireMock.baseUrl()))));
        FakeFeed small = new FakeFeed("small-" + suffix).showLatest(1000);
        WatchApi bigAccount = new WatchApi();
        WatchApi smallAccount = new WatchApi(() -> small.install(wireMock));
        bigAccount.watch(Map.of("url", wireMock.baseUrl() + big.feedPath()));
        small.publish("s0", ago(Duration.ofHours(1)), "S0", "Before the big poll.");
        smallAccount.watch(Map.of("url", wireMock.baseUrl() + small.feedPath()));
        smallAccount.poll();

        CompletableFuture<JsonPath> bigPoll = CompletableFuture.supplyAsync(bigAccount::poll);
        List<JsonPath> smallPolls = new ArrayList<>();
        while (!bigPoll.isDone()) {
            small.publish("s" + (smallPolls.size() + 1), ago(Duration.ofMinutes(1)), "S", "During the big poll.");
            smallPolls.add(smallAccount.poll());
            // Every few seconds, so the small feed stays far below the 1,000 entries it shows even where the big
            // poll takes a quarter of an hour (PostgreSQL on a busy machine).
            Thread.sleep(5000);
        }
        JsonPath summary = bigPoll.get(20, TimeUnit.MINUTES);

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(ENTRIES, summary.getInt("newPosts"));
        assertTrue(smallPolls.size() >= 3, "the other account was polled " + smallPolls.size() + " times meanwhile");
        for (JsonPath poll : smallPolls) {
            assertEquals("OK", poll.getString("outcome"), poll.prettify());
            assertEquals(1, poll.getInt("newPosts"), poll.prettify());
        }
        assertEquals("OK", smallAccount.account().getString("lastPollOutcome"));
        assertEquals("E0\n\nt0", bigAccount.post("e0").getString("versions[0].text"));
    }

    private Instant ago(Duration duration) {
        return clock.instant().minus(duration);
    }
}
