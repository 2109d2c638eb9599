package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A fake press-release feed driven through time; every scenario asserts the exact events the service raised. */
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
    void newEntryIsArchivedWithItsPictureAndHashes() {
        feed.publish("release-1", ago(Duration.ofHours(2)), "Visit", "The minister visited the port.")
                .picture(picture("visit", 1));
        watch();

        JsonPath summary = poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(1, summary.getInt("mediaDownloaded"));
        JsonPath post = api.post("release-1");
        assertEquals(wireMock.baseUrl() + feed.articlePath("release-1"), post.getString("post.url"));
        assertEquals("Visit\n\nThe minister visited the port.", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(64, post.getString("versions[0].media[0].sha256").length());
        assertEquals(List.of(), api.events());
        String article = post.getString("post.url");
        given().accept("application/json")
                .queryParam("url", article.replace("http://", "HTTP://") + "#top")
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.url", equalTo(article));
    }

    @Test
    void changedEntryIsAnEdit() {
        feed.publish("release-1", ago(Duration.ofHours(2)), "Statement", "Troops were seen near the border.");
        watch();
        poll();
        feed.entry("release-1").text("Troops were seen far from the border.");
        clock.advance(MINUTE);

        JsonPath summary = poll();
        clock.advance(MINUTE);
        poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), api.eventTypes());
        assertEquals(
                "Statement\n\nTroops were seen far from the border.",
                api.post("release-1").getString("versions[1].text"));
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
    void swappedPictureIsAMediaChange() {
        feed.publish("release-1", ago(Duration.ofHours(2)), "Evidence", "Photo of the site.")
                .picture(picture("original", 11));
        watch();
        poll();
        feed.entry("release-1").clearPictures().picture(picture("replacement", 12));
        clock.advance(MINUTE);

        poll();

        assertEquals(List.of("MEDIA_CHANGED"), api.eventTypes());
        JsonPath post = api.post("release-1");
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void entryWhoseArticleIsGoneIsReportedDeletedOnce() {
        feed.publish("old", ago(Duration.ofHours(5)), "Old", "Stays.");
        feed.publish("doomed", ago(Duration.ofHours(4)), "Doomed", "Will be deleted.");
        feed.publish("new", ago(Duration.ofHours(3)), "New", "Stays too.");
        watch();
        poll();
        feed.delete("doomed");
        clock.advance(MINUTE);

        JsonPath summary = poll();
        clock.advance(MINUTE);
        poll();

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) api.events().getFirst().get("details");
        assertTrue(
                String.valueOf(details.get("evidence")).contains("HTTP 404"), String.valueOf(details.get("evidence")));
        assertEquals("DELETED", api.post("doomed").getString("post.state"));
        assertEquals("LIVE", api.post("old").getString("post.state"));
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
    void deletionIsNotDeclaredWhileTheArticleAnswersErrorsOrTimesOut() {
        feed.publish("old", ago(Duration.ofHours(5)), "Old", "Stays.");
        feed.publish("doomed", ago(Duration.ofHours(4)), "Doomed", "Will be deleted.");
        feed.publish("new", ago(Duration.ofHours(3)), "New", "Stays too.");
        watch();
        poll();
        feed.delete("doomed");

        for (ResponseDefinitionBuilder trouble : List.of(
                aResponse().withStatus(502),
                aResponse().withStatus(503).withBody("maintenance"),
                aResponse().withStatus(200).withFixedDelay(3_000).withBody("late"))) {
            StubMapping fault = fault(feed.articlePath("doomed"), trouble);
            clock.advance(MINUTE);
            JsonPath summary = poll();
            assertEquals(1, summary.getInt("unknown"));
            wireMock.removeStub(fault);
        }

        assertEquals(List.of(), api.events());
        assertEquals("LIVE", api.post("doomed").getString("post.state"));
        clock.advance(MINUTE);
        poll();
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
    }

    @Test
    void rateLimitedArticleIsNotADeletionAndIsAskedAgainAfterTheWait() {
        feed.publish("old", ago(Duration.ofHours(5)), "Old", "Stays.");
        feed.publish("doomed", ago(Duration.ofHours(4)), "Doomed", "Will be deleted.");
        watch();
        poll();
        feed.delete("doomed");
        StubMapping limited =
                fault(feed.articlePath("doomed"), aResponse().withStatus(429).withHeader("Retry-After", "120"));
        clock.advance(MINUTE);

        poll();
        wireMock.removeStub(limited);
        clock.advance(MINUTE);
        JsonPath stillWaiting = poll();

        assertEquals("UNKNOWN", stillWaiting.getString("outcome"), "the host asked us to wait; the feed shares it");
        assertEquals(List.of(), api.events());
        clock.advance(Duration.ofMinutes(2));
        poll();
        assertEquals(List.of("POST_DELETED"), api.eventTypes());
    }

    @Test
    void feedOutageReportsNothing() {
        feed.publish("doomed", ago(Duration.ofHours(4)), "Doomed", "Deleted during the outage.");
        feed.publish("new", ago(Duration.ofHours(3)), "New", "Stays.");
        watch();
        poll();
        feed.delete("doomed");
        StubMapping outage = fault(feed.feedPath(), aResponse().withStatus(502));
        clock.advance(MINUTE);

        assertEquals("UNKNOWN", poll().getString("outcome"));

        assertEquals(List.of(), api.events());
        wireMock.removeStub(outage);
    }

    @Test
    void removedFeedIsOneAccountEventAndItsReturnAnother() {
        for (int i = 1; i <= 3; i++) {
            feed.publish("release-" + i, ago(Duration.ofHours(10 - i)), "Release " + i, "Text " + i);
        }
        watch();
        poll();
        feed.setGone(true);

        JsonPath gone = null;
        for (int i = 0; i < 3; i++) {
            clock.advance(MINUTE);
            gone = poll();
        }

        assertEquals("ACCOUNT_GONE", gone.getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), api.eventTypes());
        assertEquals("UNAVAILABLE", api.account().getString("availability"));
        feed.setGone(false);
        clock.advance(MINUTE);
        poll();
        clock.advance(MINUTE);
        poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), api.eventTypes());
        assertEquals("LIVE", api.post("release-1").getString("post.state"));
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
