package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake channel driven through time in what only Telegram does (view counters, re-encoded photos, a channel without
 * public preview, embeds that do not parse); what every platform does is {@link TelegramWatchContractTest}. Every
 * scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class TelegramWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    MeterRegistry metrics;

    private TelegramScenario scenario;

    @BeforeEach
    void newScenario() {
        scenario = new TelegramScenario(wireMock, clock);
    }

    @Test
    void unchangedChannelRaisesNothingAndArchivesNoNewVersion() {
        scenario.post(1, Duration.ofHours(1), "Statement").views("1.2K");
        scenario.watch();
        scenario.poll();
        scenario.channel.message(1).views("9.9K");

        JsonPath summary = scenario.pollEvery(MINUTE, Duration.ofMinutes(3)).getLast();

        assertEquals(0, summary.getInt("newVersions"));
        assertEquals(1, scenario.postByPlatformId(1).getList("versions").size());
        assertEquals(List.of(), scenario.events());
    }

    @Test
    void blankEmbedKeepsThePostSuspectUntilTelegramSaysGone() {
        scenario.post(60, Duration.ofHours(2), "Will be deleted");
        scenario.post(61, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(60);
        StubMapping blank = scenario.fault(
                scenario.embedPath(60), aResponse().withStatus(200).withBody(""));

        JsonPath during = scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(1, during.getInt("unknown"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.postByPlatformId(60).getString("post.state"));
        scenario.heal(blank);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void reEncodedPhotoIsArchivedButNotReported() {
        scenario.post(90, Duration.ofHours(1), "Evidence").photo(scenario.picture("sharp", 21, 0.95f));
        scenario.watch();
        scenario.poll();
        scenario.channel.message(90).clearMedia().photo(scenario.picture("recompressed", 21, 0.55f));
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of(), scenario.events());
        JsonPath post = scenario.postByPlatformId(90);
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void aPictureShownByTwoPostsIsDownloadedOnceAndNotAgainAtLaterPolls() {
        String shared = scenario.picture("shared", 51);
        scenario.post(7, Duration.ofHours(2), "First use").photo(shared);
        scenario.post(8, Duration.ofHours(1), "Second use").photo(shared);
        scenario.watch();

        JsonPath first = scenario.poll();
        scenario.advance(MINUTE);
        JsonPath second = scenario.poll();

        assertEquals(1, first.getInt("mediaDownloaded"), first.prettify());
        assertEquals(0, second.getInt("mediaDownloaded"), second.prettify());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(URI.create(shared).getPath())));
        assertEquals(
                scenario.postByPlatformId(7).getString("versions[0].media[0].sha256"),
                scenario.postByPlatformId(8).getString("versions[0].media[0].sha256"));
    }

    @Test
    void deletedThenRestoredPostIsReportedBothWays() {
        scenario.post(5, Duration.ofHours(2), "Now you see me").photo(scenario.picture("p", 31));
        scenario.post(6, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        FakeTelegram withoutFive = new FakeTelegram(scenario.channel.channel(), "Ministry");
        withoutFive.post(6, scenario.channel.message(6).published(), "Stays");
        StubMapping listing =
                scenario.fault(scenario.listingPath(), html(withoutFive.listingPage(java.util.Optional.empty(), 20)));
        StubMapping embed = scenario.fault(scenario.embedPath(5), html(withoutFive.embedPage(5)));
        scenario.advance(MINUTE);
        scenario.poll();
        scenario.heal(listing);
        scenario.heal(embed);
        scenario.advance(MINUTE);

        scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        assertEquals(List.of("POST_DELETED", "POST_RESTORED"), scenario.eventTypes());
        JsonPath post = scenario.postByPlatformId(5);
        assertEquals("LIVE", post.getString("post.state"));
        assertNull(post.get("post.deletedAt"));
        assertEquals(1, post.getList("versions").size());
    }

    @Test
    void channelWithoutPublicPreviewIsAnAccountStateNotDeletions() {
        for (long id = 1; id <= 3; id++) {
            scenario.post(id, Duration.ofHours(10 - id), "Post " + id);
        }
        scenario.watch();
        scenario.poll();
        scenario.channel.setPreviewDisabled(true);

        List<JsonPath> whilePrivate = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whilePrivate.getLast().getString("outcome"));
        assertTrue(whilePrivate.getLast().getString("detail").contains("no public preview"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) scenario.events().getFirst().get("details");
        assertEquals("NO_PREVIEW", details.get("state"));
        assertEquals("no public preview", details.get("reason"));
        io.restassured.RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", org.hamcrest.Matchers.equalTo("NO_PREVIEW"));
        for (long id = 1; id <= 3; id++) {
            assertEquals("LIVE", scenario.postByPlatformId(id).getString("post.state"));
        }
        scenario.channel.setPreviewDisabled(false);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
    }

    @Test
    void watchThatKeepsFailingIsReportedOnceAndRecovers() {
        scenario.post(1, Duration.ofHours(1), "Statement");
        scenario.watch();
        scenario.poll();
        StubMapping broken = scenario.fault(
                scenario.listingPath(),
                aResponse().withStatus(200).withBody("<html><body>Please log in</body></html>"));

        List<JsonPath> failing = scenario.pollEvery(MINUTE, Duration.ofMinutes(15));

        assertEquals("UNKNOWN", failing.getLast().getString("outcome"));
        assertEquals(List.of("WATCH_FAILING"), scenario.eventTypes());
        scenario.heal(broken);
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("WATCH_FAILING", "WATCH_RECOVERED"), scenario.eventTypes());
    }

    @Test
    void briefFailuresAreNotAFailingWatch() {
        scenario.post(1, Duration.ofHours(1), "Statement");
        scenario.watch();
        scenario.poll();
        StubMapping broken = scenario.fault(scenario.listingPath(), aResponse().withStatus(503));

        scenario.pollEvery(MINUTE, Duration.ofMinutes(5));
        scenario.heal(broken);
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(List.of(), scenario.events());
    }

    @Test
    void emptyListingWherePostsWereIsAFailureNotDeletions() {
        scenario.post(1, Duration.ofHours(2), "One");
        scenario.post(2, Duration.ofHours(1), "Two");
        scenario.watch();
        scenario.poll();
        FakeTelegram emptyLooking = new FakeTelegram(scenario.channel.channel(), "Ministry");
        StubMapping broken =
                scenario.fault(scenario.listingPath(), html(emptyLooking.listingPage(java.util.Optional.empty(), 20)));
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals("UNKNOWN", summary.getString("outcome"));
        assertEquals(2, summary.getInt("suspects"), "the permalinks are asked all the same");
        assertEquals(List.of(), scenario.events());
        scenario.heal(broken);
    }

    @Test
    void wipedChannelIsReportedPostByPostFromThePermalinks() {
        scenario.post(1, Duration.ofHours(2), "One");
        scenario.post(2, Duration.ofHours(1), "Two");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(1);
        scenario.channel.delete(2);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        assertEquals("UNKNOWN", summary.getString("outcome"));
        assertEquals(List.of("POST_DELETED", "POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void suspectThatNeverGetsAnAnswerMakesTheWatchFailing() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(1);
        StubMapping blind = scenario.fault(
                scenario.embedPath(1), aResponse().withStatus(200).withBody("<html>a page we cannot read</html>"));

        JsonPath last = scenario.pollEvery(MINUTE, Duration.ofMinutes(12)).getLast();

        assertEquals("OK", last.getString("outcome"));
        assertEquals(1, last.getInt("unknown"));
        assertEquals(List.of("WATCH_FAILING"), scenario.eventTypes());
        scenario.heal(blind);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("WATCH_FAILING", "POST_DELETED", "WATCH_RECOVERED"), scenario.eventTypes());
    }

    @Test
    void wholeChannelListedCoversEvenItsOldestPost() {
        scenario.post(1, Duration.ofDays(30), "Very old statement");
        scenario.post(2, Duration.ofHours(1), "Recent statement");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(1);
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void postOlderThanTheWindowIsRecheckedOnTheDecayingSchedule() {
        scenario.channel.pageSize(5);
        scenario.post(1, Duration.ofDays(20), "Old anchor: the listing never reaches the channel's start");
        scenario.post(2, Duration.ofHours(1), "Statement that will age out of the window");
        scenario.post(3, Duration.ofMinutes(30), "Statement after it");
        scenario.watch();
        scenario.poll();
        scenario.advance(Duration.ofDays(8));
        for (long id = 4; id <= 12; id++) {
            scenario.post(id, Duration.ofHours(13 - id), "Recent " + id);
        }

        JsonPath overdue = scenario.poll();
        assertEquals(1, overdue.getInt("rechecks"), "post 2 left the covered pages with its 6 h re-check overdue");
        scenario.channel.delete(2);
        scenario.advance(Duration.ofDays(1));
        JsonPath notDue = scenario.poll();
        assertEquals(0, notDue.getInt("rechecks"), "the next re-check of post 2 is 30 days after publication");
        assertEquals(List.of(), scenario.events());

        scenario.advance(Duration.ofDays(22));
        JsonPath due = scenario.poll();

        assertTrue(due.getInt("rechecks") >= 1);
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        assertEquals("DELETED", scenario.postByPlatformId(2).getString("post.state"));
    }

    @Test
    void anOlderPostIsReCheckedWhenDueThoughTheChannelsPageStaysTheSame() {
        scenario.channel.pageSize(5);
        // An anchor, so the page never reaches the channel's first post: deleting post 2 leaves the page as it was.
        scenario.post(1, Duration.ofDays(60), "Old anchor");
        // Published 20 days ago: its next re-check, 30 days after publication, is 10 days away.
        scenario.post(2, Duration.ofDays(20), "Old statement");
        scenario.watch();
        scenario.poll();
        for (long id = 3; id <= 7; id++) {
            scenario.post(id, Duration.ofDays(9).minusHours(id), "Later statement " + id);
        }
        scenario.advance(MINUTE);
        assertEquals(0, scenario.poll().getInt("rechecks"), "posts 1 and 2 left the page, no re-check due");
        double unreadBefore = unreadPages();

        List<JsonPath> quiet = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));
        scenario.channel.delete(2);
        scenario.advance(Duration.ofDays(10));
        JsonPath due = scenario.poll();

        assertEquals(
                List.of(0, 0, 0),
                quiet.stream().map(poll -> poll.getInt("rechecks")).toList());
        assertEquals(unreadBefore + 3, unreadPages(), "the same page was taken unread, its plan kept");
        assertEquals(0, due.getInt("suspects"), "the page is the same: post 2 is no suspect");
        assertEquals(1, due.getInt("rechecks"), "the re-check fell due while the page stayed the same");
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        assertEquals("DELETED", scenario.postByPlatformId(2).getString("post.state"));
    }

    @Test
    void aPlanKeptForThePageGivesWayOnceAnotherInstanceWritesTheChannelsPosts() {
        scenario.post(1, Duration.ofHours(3), "Statement");
        scenario.post(2, Duration.ofHours(2), "Statement another instance will find deleted");
        long accountId = scenario.watch();
        scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));
        double unreadBefore = unreadPages();
        long postId = scenario.postByPlatformId(2).getLong("post.id");
        // What another instance's record of a deletion writes: the post's state and the account's count of such writes.
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findById(postId);
            post.state = PostState.DELETED;
            post.deletedAt = clock.instant();
            Account.<Account>findById(accountId).postsVersion++;
        });
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(unreadBefore, unreadPages(), "the post no longer stands as the page was read: it is read again");
        assertEquals(List.of("POST_RESTORED"), scenario.eventTypes());
        assertEquals("LIVE", scenario.postByPlatformId(2).getString("post.state"));
    }

    /** The service's count of Telegram pages it took as read. */
    private double unreadPages() {
        return metrics.counter("afterimage.listings.unread", "platform", "telegram")
                .count();
    }

    @Test
    void accountWithAnArchiveIsPausedNotDeleted() {
        scenario.post(1, Duration.ofHours(2), "Evidence");
        scenario.watch();
        scenario.poll();

        io.restassured.RestAssured.given()
                .delete("/api/accounts/" + scenario.accountId())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("PATCH {\"enabled\": false}"));

        io.restassured.RestAssured.given()
                .get("/api/posts?account=" + scenario.accountId())
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body("{\"enabled\":false}")
                .patch("/api/accounts/" + scenario.accountId())
                .then()
                .statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String page) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(page);
    }

    @Test
    void failedMediaDownloadIsCompletedLaterWithoutAnEvent() {
        String url = scenario.picture("flaky", 41);
        StubMapping cdnDown =
                scenario.fault(url.substring(url.indexOf("/cdn/")), aResponse().withStatus(503));
        scenario.post(1, Duration.ofHours(1), "Photo of the day").photo(url);
        scenario.watch();

        JsonPath first = scenario.poll();

        assertEquals(1, first.getInt("mediaFailed"));
        assertNull(scenario.postByPlatformId(1).get("versions[0].media[0].sha256"));
        scenario.heal(cdnDown);
        scenario.advance(MINUTE);
        scenario.poll();
        JsonPath post = scenario.postByPlatformId(1);
        assertEquals(1, post.getList("versions").size());
        assertNotNull(post.get("versions[0].media[0].sha256"));
        assertEquals(List.of(), scenario.events());
    }
}
