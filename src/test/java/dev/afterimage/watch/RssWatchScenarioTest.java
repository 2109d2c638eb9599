package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.testkit.FakeFeed;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.WatchApi;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake press-release feed driven through time in what only feeds do (a window of entries, an entry dropped while its
 * article stands, a parser upgrade); what every
 * platform does is {@link RssWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class RssWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger FEEDS = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeFeed feed;
    private final WatchApi api = new WatchApi();

    @BeforeEach
    void newFeed() {
        // The clock only moves forward: nothing an earlier scenario left (a host's back-off) lies in this one's future.
        clock.advance(Duration.ofDays(1));
        feed = new FakeFeed("press-" + FEEDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36));
    }

    @Test
    void unchangedEntryReadDifferentlyAfterAnUpgradeIsNoEdit() {
        feed.publish("reread-1", ago(Duration.ofHours(2)), "Statement", "Troops were seen near the border.");
        watch();
        poll();
        // What an archive written by an earlier parser holds: the same raw bytes under another content hash.
        QuarkusTransaction.requiringNew().run(() -> {
            Post.update("contentHash = ?1 where platformPostId = ?2", "0".repeat(64), "reread-1");
            PostVersion.update(
                    "contentHash = ?1 where postId in (select id from Post where platformPostId = ?2)",
                    "0".repeat(64),
                    "reread-1");
        });
        clock.advance(MINUTE);

        JsonPath reread = poll();
        clock.advance(MINUTE);
        JsonPath after = poll();
        feed.entry("reread-1").text("Troops were seen far from the border.");
        clock.advance(MINUTE);
        poll();

        assertEquals(0, reread.getInt("newVersions"));
        assertEquals(0, after.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), api.eventTypes());
        assertEquals(2, api.post("reread-1").getList("versions").size());
    }

    @Test
    void entryThatScrolledOutOfTheFeedIsNotASuspect() {
        feed.showLatest(2);
        feed.publish("first", ago(Duration.ofHours(5)), "First", "Soon scrolled out.");
        feed.publish("second", ago(Duration.ofHours(4)), "Second", "Also scrolled out.");
        watch();
        poll();
        feed.publish("third", ago(Duration.ofHours(2)), "Third", "Newer.");
        feed.publish("fourth", ago(Duration.ofHours(1)), "Fourth", "Newest.");
        clock.advance(MINUTE);

        JsonPath summary = poll();

        assertEquals(2, summary.getInt("newPosts"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(List.of(), api.events());
        assertEquals("LIVE", api.post("first").getString("post.state"));
    }

    @Test
    void entryDroppedFromTheFeedWhileItsArticleStandsIsNoDeletion() {
        feed.publish("old", ago(Duration.ofHours(5)), "Old", "Stays.");
        feed.publish("withdrawn", ago(Duration.ofHours(4)), "Withdrawn", "Left the feed, article kept.");
        feed.publish("new", ago(Duration.ofHours(3)), "New", "Stays too.");
        watch();
        poll();
        StubMapping withoutIt = fault(feed.feedPath(), feedWithout("withdrawn"));
        clock.advance(MINUTE);

        JsonPath summary = poll();

        assertEquals(1, summary.getInt("suspects"));
        assertEquals(List.of(), api.events());
        assertEquals("LIVE", api.post("withdrawn").getString("post.state"));
        wireMock.removeStub(withoutIt);
    }

    @Test
    void aFeedNobodyLabelledIsNamedByItsTitle() {
        feed.publish("first", clock.instant().minus(Duration.ofHours(1)), "First", "Text.");
        feed.install(wireMock);
        api.watch(Map.of("url", wireMock.baseUrl() + feed.feedPath()));

        poll();

        assertEquals("Ministry press releases", api.account().getString("label"));
    }

    private void watch() {
        feed.install(wireMock);
        api.watch(Map.of("url", wireMock.baseUrl() + feed.feedPath(), "label", "Ministry press releases"));
    }

    private JsonPath poll() {
        feed.install(wireMock);
        return api.poll();
    }

    private Instant ago(Duration age) {
        return clock.instant().minus(age).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private String picture(String name, long seed) {
        String path = feed.feedPath().replace("rss.xml", "img/" + name + ".jpg");
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return wireMock.baseUrl() + path;
    }

    /** The feed as it is now, but without one entry, whose article stays up. */
    private ResponseDefinitionBuilder feedWithout(String id) {
        String full = feed.render(wireMock.baseUrl());
        int start = full.lastIndexOf("<item>", full.indexOf("<guid isPermaLink=\"false\">" + id + "</guid>"));
        int end = full.indexOf("</item>", start) + "</item>".length();
        return aResponse()
                .withHeader("Content-Type", "application/rss+xml")
                .withBody(full.substring(0, start) + full.substring(end));
    }

    /** Makes every request to this path answer as given, ahead of the fake's own stubs, until removed. */
    private StubMapping fault(String path, ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
    }
}
