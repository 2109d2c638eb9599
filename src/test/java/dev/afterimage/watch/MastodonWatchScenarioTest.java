package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.MastodonScenario;
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
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fake Mastodon account driven through time; every scenario asserts the exact events the service raised. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class MastodonWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private MastodonScenario scenario;

    @BeforeEach
    void newScenario() {
        scenario = new MastodonScenario(wireMock, clock);
    }

    @Test
    void newPostIsArchivedWithItsMediaAndHashesUnderTheInstancesUrl() {
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
        JsonPath post = scenario.archived(1);
        assertEquals(scenario.account.statusUrl(1), post.getString("post.url"));
        assertEquals("Morning briefing", post.getString("versions[0].text"));
        assertEquals(64, post.getString("versions[0].contentHash").length());
        assertEquals(64, post.getString("versions[0].rawSha256").length());
        assertEquals(List.of("PHOTO", "PHOTO"), post.getList("versions[0].media.kind"));
        String sha = post.getString("versions[0].media[0].sha256");
        byte[] served = RestAssured.given()
                .get("/media/" + sha)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(sha, Sha256.of(served));
        RestAssured.given()
                .accept("application/json")
                .queryParam("url", scenario.account.statusUrl(1))
                .get("/archive")
                .then()
                .statusCode(200)
                .body("post.url", Matchers.equalTo(scenario.account.statusUrl(1)));
    }

    @Test
    void editIsReportedOnceWithTheInstancesEditTime() {
        scenario.post(1, Duration.ofHours(1), "The convoy was seen near the border");
        scenario.watch();
        scenario.poll();
        scenario.account.status(1).edit(scenario.now()).text("The convoy was seen far from the border");
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        JsonPath post = scenario.archived(1);
        assertEquals(2, post.getList("versions").size());
        assertEquals("The convoy was seen far from the border", post.getString("versions[1].text"));
        assertEquals(0, post.getInt("events[0].details.missedVersions"));
        assertEquals("far from", post.getString("events[0].details.diff[2].text"));
    }

    @Test
    void editsBetweenTwoPollsAreAllArchivedFromTheHistory() {
        scenario.post(1, Duration.ofHours(1), "Version one");
        scenario.watch();
        scenario.poll();
        scenario.account.status(1).edit(scenario.now()).text("Version two");
        scenario.advance(Duration.ofSeconds(20));
        scenario.account.status(1).edit(scenario.now()).text("Version three");
        scenario.advance(Duration.ofSeconds(40));

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        JsonPath post = scenario.archived(1);
        assertEquals(
                List.of("Version one", "Version two", "Version three"), post.getList("versions.text", String.class));
        assertEquals(1, post.getInt("events[0].details.missedVersions"));
    }

    @Test
    void postFirstSeenAlreadyEditedKeepsEveryReportedVersionWithoutAlarm() {
        scenario.post(1, Duration.ofHours(2), "As published");
        scenario.account
                .status(1)
                .edit(scenario.now().minus(Duration.ofHours(1)))
                .text("As corrected");
        scenario.watch();

        scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(List.of(), scenario.events());
        assertEquals(
                List.of("As published", "As corrected"), scenario.archived(1).getList("versions.text", String.class));
    }

    @Test
    void swappedPhotoIsReportedAsAMediaChange() {
        scenario.post(1, Duration.ofHours(1), "Evidence").photo(scenario.picture("original", 11));
        scenario.watch();
        scenario.poll();
        scenario.account.status(1).edit(scenario.now()).clearMedia().photo(scenario.picture("replacement", 12));
        scenario.advance(MINUTE);

        scenario.poll();

        assertEquals(List.of("MEDIA_CHANGED"), scenario.eventTypes());
        JsonPath post = scenario.archived(1);
        assertEquals(2, post.getList("versions").size());
        assertNotEquals(post.getString("versions[0].media[0].sha256"), post.getString("versions[1].media[0].sha256"));
    }

    @Test
    void deletionIsReportedOnceAsDeletedOrMadePrivate() {
        scenario.post(1, Duration.ofHours(5), "Stays");
        scenario.post(2, Duration.ofHours(4), "Will be deleted");
        scenario.post(3, Duration.ofHours(3), "Also stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(2);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        Map<String, Object> event = scenario.events().getFirst();
        assertEquals(scenario.account.statusUrl(2), event.get("postUrl"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) event.get("details");
        assertEquals("Will be deleted", details.get("lastText"));
        assertTrue(
                String.valueOf(details.get("evidence")).contains("deleted or made private"),
                String.valueOf(details.get("evidence")));
        assertEquals("DELETED", scenario.archived(2).getString("post.state"));
        assertEquals("LIVE", scenario.archived(1).getString("post.state"));
    }

    @Test
    void badGatewayOnTheStatusConfirmsNothingUntilTheInstanceAnswers() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted during an outage");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping outage =
                scenario.fault(scenario.account.statusPath(1), aResponse().withStatus(502));

        JsonPath during = scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals(1, during.getInt("suspects"));
        assertEquals(1, during.getInt("unknown"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.archived(1).getString("post.state"));
        scenario.heal(outage);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void badGatewayOnTheAccountReportsNothing() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted during an outage");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping outage = scenario.faultLookup(aResponse().withStatus(502));

        JsonPath during = scenario.pollEvery(MINUTE, Duration.ofMinutes(2)).getLast();

        assertEquals("UNKNOWN", during.getString("outcome"));
        assertEquals(List.of(), scenario.events());
        scenario.heal(outage);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void tooManyRequestsConfirmsNothingAndIsHonoured() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted while rate limited");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping limited = scenario.fault(
                scenario.account.statusPath(1),
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "120")
                        .withBody("{\"error\":\"Too many requests\"}"));

        scenario.advance(MINUTE);
        JsonPath first = scenario.poll();
        scenario.heal(limited);
        scenario.advance(MINUTE);
        JsonPath stillWaiting = scenario.poll();

        assertEquals(1, first.getInt("unknown"));
        assertEquals("UNKNOWN", stillWaiting.getString("outcome"));
        assertTrue(stillWaiting.getString("detail").contains("rate limited"), stillWaiting.getString("detail"));
        assertEquals(List.of(), scenario.events());
        scenario.advance(Duration.ofMinutes(2));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void timeoutConfirmsNothing() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted while the instance is slow");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.account.delete(1);
        StubMapping slow = scenario.fault(
                scenario.account.statusPath(1),
                aResponse().withStatus(404).withFixedDelay(3_000).withBody("{\"error\":\"Record not found\"}"));

        scenario.advance(MINUTE);
        JsonPath during = scenario.poll();

        assertEquals(1, during.getInt("unknown"));
        assertEquals(List.of(), scenario.events());
        scenario.heal(slow);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void vanishedAccountIsOneAccountEventNotManyDeletions() {
        for (long n = 1; n <= 5; n++) {
            scenario.post(n, Duration.ofHours(10 - n), "Post " + n);
        }
        scenario.watch();
        scenario.poll();
        scenario.account.setGone(true);

        List<JsonPath> whileGone = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileGone.getLast().getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", Matchers.equalTo("UNAVAILABLE"));
        scenario.account.setGone(false);
        scenario.advance(MINUTE);
        scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
        for (long n = 1; n <= 5; n++) {
            assertEquals("LIVE", scenario.archived(n).getString("post.state"));
        }
    }

    @Test
    void postPushedToPageTwoIsNoSuspect() {
        scenario.account.pageSize(5);
        scenario.post(1, Duration.ofHours(30), "Soon on page two");
        scenario.watch();
        scenario.poll();
        for (long n = 2; n <= 8; n++) {
            scenario.post(n, Duration.ofHours(9 - n), "Update " + n);
        }
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("pagesFetched"));
        assertEquals(0, summary.getInt("suspects"));
        assertEquals(8, summary.getInt("postsSeen"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.archived(1).getString("post.state"));
    }
}
