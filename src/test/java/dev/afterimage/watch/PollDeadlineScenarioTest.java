package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.FakeFeed;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.Pictures;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A poll whose downloads are slow runs into its deadline: it keeps what it learnt and ends as unknown. */
@QuarkusTest
@TestProfile(PollDeadlineScenarioTest.ShortDeadline.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class PollDeadlineScenarioTest {

    /** A deadline shorter than two of the slow downloads below. */
    public static final class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("afterimage.watch.poll-deadline", "PT2S");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void pollPastItsDeadlineRecordsWhatItHasAndEndsUnknown() {
        clock.advance(Duration.ofDays(1));
        FakeFeed feed = new FakeFeed("slow-" + System.nanoTime() % 100_000);
        for (int i = 0; i < 4; i++) {
            String path = feed.feedPath().replace("rss.xml", "img/" + i + ".jpg");
            wireMock.stubFor(get(urlPathEqualTo(path))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "image/jpeg")
                            .withFixedDelay(1500)
                            .withBody(Pictures.jpeg(i, 64, 48, 0.9f))));
            feed.publish("slow-" + i, clock.instant().minus(Duration.ofHours(i + 1)), "Slow " + i, "A slow picture.")
                    .picture(wireMock.baseUrl() + path);
        }
        WatchApi api = new WatchApi(() -> feed.install(wireMock));
        api.watch(Map.of("url", wireMock.baseUrl() + feed.feedPath()));

        JsonPath summary = api.poll();

        assertEquals("UNKNOWN", summary.getString("outcome"));
        assertTrue(summary.getString("detail").contains("deadline"), summary.getString("detail"));
        assertEquals(4, summary.getInt("newPosts"), "what the poll learnt is kept");
        assertTrue(summary.getInt("mediaDeferred") >= 1, summary.prettify());
        assertTrue(summary.getInt("mediaDownloaded") <= 2, summary.prettify());
        assertEquals("UNKNOWN", api.account().getString("lastPollOutcome"));
    }
}
