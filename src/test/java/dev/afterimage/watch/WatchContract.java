package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.FakePlatform;
import dev.afterimage.testkit.FakePlatform.Capability;
import dev.afterimage.testkit.Fault;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What watching any platform must do, run against each fake platform by a {@code @QuarkusTest} subclass that supplies
 * its {@link FakePlatform}: archive what is new with its media, report an edit, a media swap and a confirmed deletion
 * exactly once, never cry wolf while the platform fails, times out or rate-limits, treat a vanished account as one
 * account event, and never suspect a post that merely moved to an older page. Each scenario asserts the exact events
 * raised; what a platform cannot be made to do is skipped with its reason.
 */
abstract class WatchContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    // Past the test profile's read timeout (2 s): the answer comes, but too late to count, even one saying "gone".
    private static final int LATE_MILLIS = 3_000;
    private static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(2);
    private static final String BEFORE_EDIT = "The convoy was seen near the border";
    private static final String AFTER_EDIT = "The convoy was seen far from the border";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    Poller poller;

    private FakePlatform platform;

    /** A new account on the platform under test, for one scenario. */
    protected abstract FakePlatform newPlatform(WireMockServer wireMock, MutableClock clock);

    @BeforeEach
    void newAccount() {
        platform = newPlatform(wireMock, clock);
    }

    @Test
    void firstPollArchivesEveryPostWithItsMediaAndHashes() {
        String briefing = platform.publish(
                Duration.ofHours(3), "Morning briefing", platform.picture("first", 1), platform.picture("second", 2));
        String statement = platform.publish(Duration.ofHours(2), "Second statement");
        platform.watch();

        JsonPath summary = platform.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(2, summary.getInt("newPosts"));
        assertEquals(2, summary.getInt("mediaDownloaded"));
        assertEquals(List.of(), platform.events());
        JsonPath post = platform.archived(briefing);
        assertEquals(platform.postUrl(briefing), post.getString("post.url"));
        assertEquals("LIVE", post.getString("post.state"));
        assertEquals(1, post.getList("versions").size());
        assertEquals(platform.archivedText("Morning briefing"), post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO", "PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(800, post.getInt("versions[0].media[0].width"));
        for (String sha : post.getList("versions[0].media.sha256", String.class)) {
            byte[] served = given().get("/media/" + sha)
                    .then()
                    .statusCode(200)
                    .contentType("image/jpeg")
                    .extract()
                    .asByteArray();
            assertEquals(sha, Sha256.of(served));
        }
        given().accept("application/json")
                .queryParam("url", platform.pastedUrl(briefing))
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.url", equalTo(platform.postUrl(briefing)));
        JsonPath plain = platform.archived(statement);
        assertEquals(platform.archivedText("Second statement"), plain.getString("versions[0].text"));
        assertEquals(List.of(), plain.getList("versions[0].media"));
    }

    @Test
    void editedTextIsReportedOnceWithAWordDiff() {
        // Ten minutes old: X lets its posts be edited for an hour only.
        String id = platform.publish(Duration.ofMinutes(10), BEFORE_EDIT);
        platform.watch();
        platform.poll();
        platform.editText(id, AFTER_EDIT);
        platform.advance(MINUTE);

        JsonPath summary = platform.poll();
        platform.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), platform.eventTypes());
        JsonPath post = platform.archived(id);
        assertEquals("LIVE", post.getString("post.state"));
        assertEquals(
                List.of(platform.archivedText(BEFORE_EDIT), platform.archivedText(AFTER_EDIT)),
                post.getList("versions.text", String.class));
        assertNotEquals(post.getString("versions[0].contentHash"), post.getString("versions[1].contentHash"));
        assertEquals(List.of("EQUAL", "DELETE", "INSERT", "EQUAL"), post.getList("events[0].details.diff.op"));
        assertEquals("near", post.getString("events[0].details.diff[1].text"));
        assertEquals("far from", post.getString("events[0].details.diff[2].text"));
        assertEquals(0, post.getInt("events[0].details.missedVersions"));
    }

    @Test
    void swappedPhotoIsReportedOnceAsAMediaChange() {
        String id = platform.publish(Duration.ofMinutes(10), "Evidence", platform.picture("original", 11));
        platform.watch();
        platform.poll();
        platform.swapPhotos(id, platform.picture("replacement", 12));
        platform.advance(MINUTE);

        JsonPath summary = platform.poll();
        platform.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("MEDIA_CHANGED"), platform.eventTypes());
        JsonPath post = platform.archived(id);
        assertEquals(2, post.getList("versions").size());
        assertEquals(post.getString("versions[0].text"), post.getString("versions[1].text"));
        assertEquals(List.of("PHOTO"), post.getList("versions[0].media.kind"));
        assertEquals(List.of("PHOTO"), post.getList("versions[1].media.kind"));
        assertEquals(64, post.getString("versions[1].media[0].sha256").length());
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void anUnchangedListingNotesEachPostSeenAgainAndArchivesNothingNew() {
        String id = platform.publish(Duration.ofHours(2), "Unchanged statement");
        platform.watch();
        platform.poll();

        // The second poll starts a run of unchanged listings, the later ones only continue it: each is a sighting.
        for (int poll = 2; poll <= 4; poll++) {
            platform.advance(MINUTE);
            JsonPath summary = platform.poll();

            assertEquals(0, summary.getInt("newPosts"));
            assertEquals(0, summary.getInt("newVersions"));
            JsonPath after = platform.archived(id);
            assertEquals(1, after.getList("versions").size());
            assertEquals(clock.instant(), lastSeen(after), "seen again at poll " + poll);
        }
    }

    @Test
    void aPageServedAsBeforeIsNotReadAgainYetEachPollSeesItsPosts() {
        platform.cannot(Capability.UNREAD_PAGES).ifPresent(Assumptions::abort);
        String pictured = platform.publish(Duration.ofHours(3), "Pictured", platform.picture("kept", 21));
        String plain = platform.publish(Duration.ofHours(2), "Plain");
        platform.watch();
        platform.poll();
        double unreadBefore = unreadPages();

        for (int poll = 2; poll <= 4; poll++) {
            platform.advance(MINUTE);
            JsonPath summary = platform.poll();

            assertEquals("OK", summary.getString("outcome"));
            assertEquals(2, summary.getInt("postsSeen"));
            assertEquals(clock.instant(), lastSeen(platform.archived(pictured)), "seen at poll " + poll);
            assertEquals(clock.instant(), lastSeen(platform.archived(plain)), "seen at poll " + poll);
        }
        assertEquals(unreadBefore + 3, unreadPages(), "the three polls of the same page took it unread");

        platform.editText(plain, AFTER_EDIT);
        platform.advance(MINUTE);
        JsonPath edited = platform.poll();

        assertEquals(1, edited.getInt("newVersions"), "a page that changed is read");
        assertEquals(unreadBefore + 3, unreadPages());
        assertEquals(List.of("POST_EDITED"), platform.eventTypes());
        platform.advance(MINUTE);
        platform.poll();
        assertEquals(unreadBefore + 4, unreadPages(), "the edited page, served again, is taken as read");
        assertEquals(List.of("POST_EDITED"), platform.eventTypes());
    }

    @Test
    void aScheduledPollThatTakesItsPageUnreadIsRecordedInTheBackground() throws InterruptedException {
        platform.cannot(Capability.UNREAD_PAGES).ifPresent(Assumptions::abort);
        String plain = platform.publish(Duration.ofHours(2), "Plain");
        long accountId = platform.watch();
        platform.poll();
        double unreadBefore = unreadPages();
        platform.advance(MINUTE);
        Instant polledAt = clock.instant();

        PollSummary summary = poller.pollScheduled(accountId).orElseThrow();

        assertEquals(PollOutcome.OK, summary.outcome());
        assertEquals(1, summary.postsSeen());
        assertEquals(unreadBefore + 1, unreadPages(), "the page was taken unread");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!lastSeen(platform.archived(plain)).equals(polledAt) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(polledAt, lastSeen(platform.archived(plain)), "the record, written after the poll, says so");
        platform.advance(MINUTE);
        assertEquals(1, platform.poll().getInt("postsSeen"), "the poll after it follows on");
        assertEquals(clock.instant(), lastSeen(platform.archived(plain)));
    }

    @Test
    void aPageServedAsBeforeIsReadAgainWhileAPostItNoLongerShowsIsInDoubt() {
        platform.cannot(Capability.UNREAD_PAGES).ifPresent(Assumptions::abort);
        String doomed = publishThreeAndDeleteTheMiddle();
        Fault outage = platform.answerCheck(doomed, aResponse().withStatus(502));
        platform.advance(MINUTE);
        platform.poll();
        double unreadBefore = unreadPages();

        List<JsonPath> during = platform.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(
                List.of(1, 1, 1),
                during.stream().map(poll -> poll.getInt("suspects")).toList());
        assertEquals(unreadBefore, unreadPages(), "a poll with a suspect to ask reads its page");
        assertNothingReportedAndStillLive(doomed);
        outage.heal();
        assertDeletionReportedAfter(MINUTE);
        assertTrue(unreadPages() > unreadBefore, "once nothing is in doubt, the same page is taken as read");
    }

    @Test
    void aPageServedAsBeforeIsReadAgainWhenAPostItShowsPassesACheckAge() {
        platform.cannot(Capability.UNREAD_PAGES).ifPresent(Assumptions::abort);
        // The first re-check age is an hour: the next poll sees the post past it, which moves its next check.
        platform.publish(Duration.ofMinutes(59).plusSeconds(30), "Nearly an hour old");
        platform.watch();
        platform.poll();
        double unreadBefore = unreadPages();

        platform.advance(MINUTE);
        platform.poll();

        assertEquals(unreadBefore, unreadPages(), "the poll that moves a post's next check reads the page");
        platform.advance(MINUTE);
        platform.poll();
        assertEquals(unreadBefore + 1, unreadPages());
    }

    @Test
    void aPostListedBesideANewOneIsSeenByThatPollAndThoseAfter() {
        String first = platform.publish(Duration.ofHours(2), "First statement");
        platform.watch();
        platform.poll();
        platform.pollEvery(MINUTE, Duration.ofMinutes(3));
        String second = platform.publish(Duration.ofMinutes(1), "Second statement");
        platform.advance(MINUTE);

        JsonPath summary = platform.poll();

        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(clock.instant(), lastSeen(platform.archived(first)), "seen by the poll that found the new post");
        assertEquals(clock.instant(), lastSeen(platform.archived(second)));
        platform.pollEvery(MINUTE, Duration.ofMinutes(3));
        assertEquals(clock.instant(), lastSeen(platform.archived(first)), "seen by every unchanged poll after it");
        assertEquals(clock.instant(), lastSeen(platform.archived(second)));
        assertEquals(List.of(), platform.events());
    }

    @Test
    void deletedPostIsReportedOnceAfterThePlatformSaysItIsGone() {
        String stays = platform.publish(Duration.ofHours(5), "Stays");
        String doomed = platform.publish(Duration.ofHours(4), "Will be deleted");
        String alsoStays = platform.publish(Duration.ofHours(3), "Also stays");
        platform.watch();
        platform.poll();
        platform.pollEvery(MINUTE, Duration.ofMinutes(3));
        Instant lastListed = clock.instant();
        platform.delete(doomed);
        platform.advance(MINUTE);

        JsonPath summary = platform.poll();
        Instant missed = clock.instant();
        platform.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), platform.eventTypes());
        Map<String, Object> event = platform.events().getFirst();
        assertEquals(platform.postUrl(doomed), event.get("postUrl"));
        Map<?, ?> details = (Map<?, ?>) event.get("details");
        assertEquals(platform.archivedText("Will be deleted"), details.get("lastText"));
        assertEquals(lastListed, Instant.parse(String.valueOf(details.get("lastSeenAt"))), "the last poll listing it");
        assertEquals(missed, Instant.parse(String.valueOf(details.get("firstMissedAt"))));
        assertNotNull(details.get("confirmedGoneAt"));
        assertTrue(
                String.valueOf(details.get("evidence")).contains(platform.goneEvidence()),
                String.valueOf(details.get("evidence")));
        assertEquals("DELETED", platform.archived(doomed).getString("post.state"));
        assertEquals("LIVE", platform.archived(stays).getString("post.state"));
        assertEquals("LIVE", platform.archived(alsoStays).getString("post.state"));
        assertEquals(clock.instant(), lastSeen(platform.archived(stays)));
    }

    @Test
    void serverErrorOnThePostsCheckConfirmsNothingUntilThePlatformAnswers() {
        String doomed = publishThreeAndDeleteTheMiddle();
        Fault outage = platform.answerCheck(doomed, aResponse().withStatus(502));

        JsonPath during = platform.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(1, during.getInt("unknown"));
        assertNothingReportedAndStillLive(doomed);
        outage.heal();
        assertDeletionReportedAfter(MINUTE);
    }

    @Test
    void timeoutOnThePostsCheckConfirmsNothing() {
        String doomed = publishThreeAndDeleteTheMiddle();
        Fault slow = platform.answerCheck(doomed, late());
        platform.advance(MINUTE);

        JsonPath during = platform.poll();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(1, during.getInt("unknown"));
        assertNothingReportedAndStillLive(doomed);
        slow.heal();
        assertDeletionReportedAfter(MINUTE);
    }

    @Test
    void tooManyRequestsOnThePostsCheckConfirmsNothingAndIsHonoured() {
        String doomed = publishThreeAndDeleteTheMiddle();
        platform.advance(MINUTE);
        Fault limited = platform.answerCheck(doomed, platform.tooManyRequests(RATE_LIMIT_WAIT));

        JsonPath first = platform.poll();
        limited.heal();
        platform.advance(MINUTE);
        JsonPath stillWaiting = platform.poll();

        assertEquals(1, first.getInt("unknown"));
        assertEquals("UNKNOWN", stillWaiting.getString("outcome"), "the platform asked us to wait");
        assertTrue(stillWaiting.getString("detail").contains("rate limited"), stillWaiting.getString("detail"));
        assertNothingReportedAndStillLive(doomed);
        assertDeletionReportedAfter(RATE_LIMIT_WAIT);
    }

    @Test
    void serverErrorOnTheListingReportsNothingAndALaterPollCatchesUp() {
        String doomed = publishThreeAndDeleteTheMiddle();
        Fault outage = platform.answerListing(aResponse().withStatus(502));

        JsonPath during = platform.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals("UNKNOWN", during.getString("outcome"));
        assertNothingReportedAndStillLive(doomed);
        outage.heal();
        assertDeletionReportedAfter(MINUTE);
    }

    @Test
    void timeoutOnTheListingReportsNothing() {
        String doomed = publishThreeAndDeleteTheMiddle();
        Fault slow = platform.answerListing(late());
        platform.advance(MINUTE);

        JsonPath during = platform.poll();

        assertEquals("UNKNOWN", during.getString("outcome"));
        assertTrue(during.getString("detail").contains("timeout"), during.getString("detail"));
        assertNothingReportedAndStillLive(doomed);
        slow.heal();
        platform.advance(MINUTE);
        assertEquals("OK", platform.poll().getString("outcome"));
        assertEquals(List.of("POST_DELETED"), platform.eventTypes());
    }

    @Test
    void tooManyRequestsOnTheListingReportsNothingAndIsHonoured() {
        String doomed = publishThreeAndDeleteTheMiddle();
        platform.advance(MINUTE);
        Fault limited = platform.answerListing(platform.tooManyRequests(RATE_LIMIT_WAIT));

        assertEquals("UNKNOWN", platform.poll().getString("outcome"));
        limited.heal();
        platform.advance(MINUTE);
        JsonPath stillWaiting = platform.poll();

        assertEquals("UNKNOWN", stillWaiting.getString("outcome"), "the platform asked us to wait");
        assertTrue(stillWaiting.getString("detail").contains("rate limited"), stillWaiting.getString("detail"));
        assertNothingReportedAndStillLive(doomed);
        assertDeletionReportedAfter(RATE_LIMIT_WAIT);
    }

    @Test
    void vanishedAccountIsOneAccountEventNotManyDeletionsAndItsReturnAnother() {
        List<String> ids = List.of(
                platform.publish(Duration.ofHours(5), "Post one"),
                platform.publish(Duration.ofHours(4), "Post two"),
                platform.publish(Duration.ofHours(3), "Post three"),
                platform.publish(Duration.ofHours(2), "Post four"),
                platform.publish(Duration.ofHours(1), "Post five"));
        platform.watch();
        platform.poll();
        platform.setAccountGone(true);

        List<JsonPath> whileGone = platform.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileGone.getLast().getString("outcome"));
        assertEquals(
                List.of(0, 0, 0),
                whileGone.stream().map(poll -> poll.getInt("deleted")).toList());
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), platform.eventTypes());
        assertEquals("UNAVAILABLE", platform.account().getString("availability"));
        for (String id : ids) {
            assertEquals("LIVE", platform.archived(id).getString("post.state"));
        }
        platform.setAccountGone(false);
        platform.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), platform.eventTypes());
        assertEquals("ACTIVE", platform.account().getString("availability"));
        for (String id : ids) {
            assertEquals("LIVE", platform.archived(id).getString("post.state"));
        }
    }

    @Test
    void postPushedToAnOlderPageIsNoSuspect() {
        platform.cannot(Capability.PAGING).ifPresent(Assumptions::abort);
        platform.pageSize(5);
        String old = platform.publish(Duration.ofHours(30), "Soon on page two");
        platform.watch();
        platform.poll();
        for (int hours = 7; hours >= 1; hours--) {
            platform.publish(Duration.ofHours(hours), "Update " + hours);
        }
        platform.advance(MINUTE);

        JsonPath summary = platform.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(8, summary.getInt("postsSeen"));
        assertEquals(7, summary.getInt("newPosts"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(List.of(), platform.events());
        assertEquals("LIVE", platform.archived(old).getString("post.state"));
    }

    /**
     * Three posts archived, then the middle one deleted on the platform; returns its id. The middle one, because a
     * feed only suspects what is newer than the oldest entry it shows.
     */
    private String publishThreeAndDeleteTheMiddle() {
        platform.publish(Duration.ofHours(3), "Stays");
        String doomed = platform.publish(Duration.ofHours(2), "Will be deleted during trouble");
        platform.publish(Duration.ofHours(1), "Also stays");
        platform.watch();
        platform.poll();
        platform.delete(doomed);
        return doomed;
    }

    private static ResponseDefinitionBuilder late() {
        return aResponse().withStatus(404).withFixedDelay(LATE_MILLIS).withBody("Not Found");
    }

    private void assertNothingReportedAndStillLive(String id) {
        assertEquals(List.of(), platform.events());
        assertEquals("LIVE", platform.archived(id).getString("post.state"));
    }

    /** Once the platform answers again, the deletion is reported, and only once. */
    private void assertDeletionReportedAfter(Duration wait) {
        platform.advance(wait);
        platform.poll();
        platform.pollEvery(MINUTE, Duration.ofMinutes(2));
        assertEquals(List.of("POST_DELETED"), platform.eventTypes());
    }

    /** The service's count of this platform's pages it took as read, from its metrics. */
    private double unreadPages() {
        String counter = "afterimage_listings_unread_total{platform=\""
                + platform.account().getString("platform") + "\"} ";
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(counter))
                .mapToDouble(line -> Double.parseDouble(line.substring(counter.length())))
                .sum();
    }

    private static Instant lastSeen(JsonPath archived) {
        return Instant.parse(archived.getString("post.lastSeenAt"));
    }
}
