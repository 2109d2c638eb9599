package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service as it runs for real: Quartz polls accounts on their schedule, the watchlist file is followed. */
@QuarkusTest
@TestProfile(ScheduledWatchTest.Scheduling.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ScheduledWatchTest {

    /** One file per test JVM, so a file left by an earlier run is not applied at start-up. */
    static final Path WATCHLIST = Path.of(
            "target",
            "scheduled-watch-test",
            "watchlist-" + ProcessHandle.current().pid() + ".yaml");

    /** Scheduler on, short intervals allowed, the watchlist file read every second. */
    public static class Scheduling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "afterimage.watch.scheduler-enabled", "true",
                    "afterimage.watch.min-poll-interval", "PT1S",
                    "afterimage.watch.watchlist", WATCHLIST.toString(),
                    "afterimage.watch.watchlist-check-every", "1s",
                    "afterimage.watch.poll-threads", "2");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    PollScheduler scheduler;

    @Test
    void accountIsPolledOnItsScheduleWithoutAnyoneAsking() {
        FakeTelegram channel = new FakeTelegram("scheduled_channel", "Ministry");
        channel.post(1, Instant.now().minus(Duration.ofHours(1)), "Scheduled statement");
        channel.install(wireMock);
        int id = watch("scheduled_channel", "PT2S");

        assertEquals(Optional.of(Duration.ofSeconds(2)), scheduler.scheduledInterval(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/api/accounts/" + id).path("lastPollOutcome") != null);
        assertEquals("OK", given().get("/api/accounts/" + id).path("lastPollOutcome"));
        assertEquals(1, archivedPosts(id));

        disable(id);
        assertEquals(Optional.empty(), scheduler.scheduledInterval(id));
        given().contentType(ContentType.JSON)
                .body("{\"enabled\":true,\"pollInterval\":\"PT5S\"}")
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200);
        assertEquals(Optional.of(Duration.ofSeconds(5)), scheduler.scheduledInterval(id));

        int empty = watch("scheduled_empty", "PT1H");
        assertEquals(Optional.of(Duration.ofHours(1)), scheduler.scheduledInterval(empty));
        given().delete("/api/accounts/" + empty).then().statusCode(204);
        assertEquals(Optional.empty(), scheduler.scheduledInterval(empty), "a deleted account is no longer polled");
    }

    @Test
    void moreAccountsDueThanPollThreadsAreAllPolledInTurn() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            FakeTelegram channel = new FakeTelegram("queued_channel_" + i, "Ministry " + i);
            channel.post(1, Instant.now().minus(Duration.ofHours(1)), "Statement " + i);
            channel.install(wireMock);
            ids.add(watch("queued_channel_" + i, "PT2S"));
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> "OK"
                    .equals(given().get("/api/accounts/" + id).path("lastPollOutcome"))));
            for (int id : ids) {
                assertEquals(1, archivedPosts(id));
            }
        } finally {
            ids.forEach(ScheduledWatchTest::disable);
        }
    }

    @Test
    void aChannelWhosePageStaysTheSameIsPolledAtItsIntervalEachPollRecorded() {
        FakeTelegram channel = new FakeTelegram("unchanged_channel", "Ministry");
        channel.post(1, Instant.now().minus(Duration.ofHours(1)), "Unchanged statement");
        channel.install(wireMock);
        int id = watch("unchanged_channel", "PT1S");
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "OK".equals(given().get("/api/accounts/" + id).path("lastPollOutcome")));
            int firstPolls = listingRequests("unchanged_channel");

            // The later polls take the page unread: each gives its claim back on its own (the interval is shorter
            // than the lease, 30 s) and is recorded in the background, so the channel is still polled every second.
            await().atMost(Duration.ofSeconds(20)).until(() -> listingRequests("unchanged_channel") >= firstPolls + 4);
            assertEquals("OK", given().get("/api/accounts/" + id).path("lastPollOutcome"));
            assertEquals(1, archivedPosts(id));
        } finally {
            disable(id);
        }
    }

    /** Watches the channel at the interval; the new account's id. */
    private static int watch(String channel, String interval) {
        return given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://t.me/" + channel + "\",\"pollInterval\":\"" + interval + "\"}")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void disable(int accountId) {
        given().contentType(ContentType.JSON)
                .body("{\"enabled\":false}")
                .patch("/api/accounts/" + accountId)
                .then()
                .statusCode(200);
    }

    private static int archivedPosts(int accountId) {
        return given().get("/api/posts?account=" + accountId)
                .jsonPath()
                .getList("$")
                .size();
    }

    private int listingRequests(String channel) {
        return wireMock.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo("/s/" + channel)).build())
                .getCount();
    }

    @Test
    void watchlistFileCreatesUpdatesAndDisablesAccounts() throws IOException {
        Files.createDirectories(WATCHLIST.getParent());
        Files.writeString(
                WATCHLIST,
                """
                - url: https://t.me/listed_one
                  label: First ministry
                - platform: telegram
                  handle: listed_two
                  pollInterval: PT2M
                - url: https://example.org/not-a-platform
                - url: https://t.me/listed_too_slow
                  pollInterval: P30D
                """);

        await().atMost(Duration.ofSeconds(20)).until(() -> handles().containsAll(List.of("listed_one", "listed_two")));
        Map<String, Object> first = account("listed_one");
        assertEquals("WATCHLIST", first.get("origin"));
        assertEquals("First ministry", first.get("label"));
        assertEquals("PT2M", account("listed_two").get("pollInterval"));
        assertTrue(!handles().contains("listed_too_slow"), "an invalid entry is skipped without undoing the others");

        Files.writeString(
                WATCHLIST,
                """
                - url: https://t.me/listed_one
                  label: Renamed ministry
                """);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.FALSE.equals(account("listed_two").get("enabled")));
        assertEquals("Renamed ministry", account("listed_one").get("label"));
        assertTrue((Boolean) account("listed_one").get("enabled"));
    }

    private static List<String> handles() {
        return given().get("/api/accounts").jsonPath().getList("handle");
    }

    private static Map<String, Object> account(String handle) {
        List<Map<String, Object>> accounts =
                given().get("/api/accounts").jsonPath().getList("$");
        return accounts.stream()
                .filter(a -> handle.equals(a.get("handle")))
                .findFirst()
                .orElseThrow();
    }
}
