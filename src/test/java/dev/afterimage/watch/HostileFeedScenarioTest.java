package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A feed as a careless or hostile publisher serves it: one bad entry, a clock that steps back, missing pictures. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class HostileFeedScenarioTest {

    private static final AtomicInteger FEEDS = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeFeed feed;
    private final WatchApi api = new WatchApi();

    @BeforeEach
    void newFeed() {
        clock.advance(Duration.ofDays(1));
        feed = new FakeFeed(
                "hostile-" + FEEDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36));
    }

    @Test
    void goodEntriesBesideALongLinkAndAnAbsurdDateAreArchived() {
        feed.publish("good-1", ago(Duration.ofHours(4)), "Good", "The first good entry.");
        feed.publish("long-link", ago(Duration.ofHours(3)), "Long", "Its link is far too long.")
                .link(wireMock.baseUrl() + feed.articlePath("x".repeat(2100)));
        feed.publish("ancient", ago(Duration.ofHours(2)), "Ancient", "Dated in year -999999999.")
                .dateText("-999999999-01-01T00:00:00Z");
        feed.publish("good-2", ago(Duration.ofHours(1)), "Good too", "The second good entry.");
        watch();

        JsonPath first = poll();
        clock.advance(Duration.ofMinutes(1));
        JsonPath second = poll();

        assertEquals("OK", first.getString("outcome"));
        assertEquals(3, first.getInt("newPosts"));
        assertEquals(1, first.getInt("skipped"));
        assertEquals("long-link", first.getString("skips[0].platformPostId"));
        assertTrue(first.getString("skips[0].reason").contains("2048"), first.getString("skips[0].reason"));
        assertEquals("OK", second.getString("outcome"), "a bad entry never fails the polls after it either");
        assertEquals(0, second.getInt("newPosts"));
        assertEquals(1, second.getInt("skipped"));
        assertEquals("Good\n\nThe first good entry.", api.post("good-1").getString("versions[0].text"));
        assertEquals("Good too\n\nThe second good entry.", api.post("good-2").getString("versions[0].text"));
        assertNull(api.post("ancient").getString("post.publishedAt"), "an absurd date is unknown");
        given().get("/console/accounts/" + api.accountId())
                .then()
                .statusCode(200)
                .body(containsString("Skipped posts"))
                .body(containsString("long-link"))
                .body(containsString("2048"));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("afterimage_posts_skipped_total{platform=\"rss\"}"));
    }

    @Test
    void pollsKeepRecordingAfterTheClockStepsBack() {
        feed.publish("before", ago(Duration.ofHours(2)), "Before", "Published before the step.");
        watch();
        poll();
        Instant beforeStep = clock.instant();
        try {
            clock.set(beforeStep.minus(Duration.ofHours(20)));
            feed.publish("after", ago(Duration.ofMinutes(5)), "After", "Published after the step.");
            feed.entry("before").text("Edited after the step.");

            JsonPath stepped = poll();
            clock.advance(Duration.ofMinutes(1));
            JsonPath next = poll();

            assertEquals("OK", stepped.getString("outcome"));
            assertEquals(1, stepped.getInt("newPosts"), "the poll after the step is recorded, not discarded");
            assertEquals(1, stepped.getInt("newVersions"));
            assertEquals("OK", next.getString("outcome"));
            assertEquals("OK", api.account().getString("lastPollOutcome"));
            assertEquals("After\n\nPublished after the step.", api.post("after").getString("versions[0].text"));
        } finally {
            clock.set(beforeStep.plus(Duration.ofDays(1)));
        }
    }

    @Test
    void missingMediaAreFetchedOncePerBackOffStepAndAtMostFiftyPerPoll() {
        feed.showLatest(60);
        for (int i = 0; i < 60; i++) {
            feed.publish("entry-" + i, ago(Duration.ofMinutes(60 + i)), "Entry " + i, "With a missing picture.")
                    .picture(wireMock.baseUrl() + feed.feedPath().replace("rss.xml", "missing/" + i + ".jpg"));
        }
        watch();

        JsonPath first = poll();
        clock.advance(Duration.ofSeconds(30));
        JsonPath second = poll();
        long firstPicture = requests(0);
        long lastPicture = requests(59);
        clock.advance(Duration.ofSeconds(31));
        JsonPath third = poll();
        clock.advance(Duration.ofMinutes(5));
        JsonPath fourth = poll();
        clock.advance(Duration.ofMinutes(4));
        JsonPath fifth = poll();

        assertEquals(60, first.getInt("newPosts"), "posts are archived while their pictures are owed");
        assertEquals(50, first.getInt("mediaFailed"), "at most 50 downloads per poll");
        assertEquals(10, first.getInt("mediaDeferred"));
        assertEquals(10, second.getInt("mediaFailed"), "the ten left over are tried; the fifty wait a minute");
        assertEquals(1, firstPicture, "tried once in the first minute");
        assertEquals(1, lastPicture, "tried once in the first minute");
        assertEquals(50, third.getInt("mediaFailed"), "after a minute the first fifty are tried again");
        assertEquals(10, fourth.getInt("mediaFailed"), "the last ten's minute is up; the first fifty wait ten minutes");
        assertEquals(0, fifth.getInt("mediaFailed"), "every picture is now in its ten-minute wait");
        for (int i = 0; i < 60; i++) {
            assertEquals(2, requests(i), "requests for picture " + i);
        }
        assertEquals("OK", fifth.getString("outcome"));
        assertEquals(0, fifth.getInt("newVersions"), "owed pictures are never an edit");
    }

    private long requests(int picture) {
        String path = feed.feedPath().replace("rss.xml", "missing/" + picture + ".jpg");
        return wireMock.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(path)).build())
                .getCount();
    }

    private Instant ago(Duration duration) {
        return clock.instant().minus(duration);
    }

    private void watch() {
        feed.install(wireMock);
        api.watch(Map.of("url", wireMock.baseUrl() + feed.feedPath(), "label", "Hostile feed"));
    }

    private JsonPath poll() {
        feed.install(wireMock);
        return api.poll();
    }
}
