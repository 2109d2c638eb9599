package dev.afterimage.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.RecordingWebhookReceiver;
import dev.afterimage.testkit.RecordingWebhookReceiver.Received;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts leave by webhook: signed, retried, in order, and never lost; each receiver is a WireMock endpoint. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    EventLog events;

    private TelegramScenario scenario;

    @BeforeEach
    void watchAChannel() {
        scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(2), "Irrefutable evidence\nSecond line\nThird line\nFourth line")
                .photo(scenario.picture("evidence", 7));
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
    }

    @Test
    void deletionIsDeliveredAsASignedStandardWebhook() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        Map<String, Object> webhook = subscribe(receiver, "json");

        deletePostOne();

        Received request = receiver.await(1).getFirst();
        assertTrue(RecordingWebhookReceiver.signedWith((String) webhook.get("secret"), request), "signature verifies");
        assertTrue(request.id().startsWith("msg_"));
        assertTrue(request.userAgent().startsWith("Afterimage/"), request.userAgent());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        assertTrue(
                Math.abs(Long.parseLong(request.timestamp()) - clock.instant().getEpochSecond()) < 60);
        JsonPath body = JsonPath.from(request.body());
        assertEquals("post.deleted", body.getString("type"));
        assertEquals("telegram", body.getString("data.account.platform"));
        assertEquals(scenario.channel.channel(), body.getString("data.account.handle"));
        assertEquals("Ministry", body.getString("data.account.label"));
        assertEquals("https://t.me/" + scenario.channel.channel() + "/1", body.getString("data.post.url"));
        assertTrue(body.getString("data.post.text").startsWith("Irrefutable evidence"));
        assertEquals("2 h", body.getString("data.post.lived"));
        assertEquals(64, body.getString("data.post.contentHash").length());
        String sha = body.getString("data.post.media[0].sha256");
        assertEquals("https://afterimage.example/media/" + sha, body.getString("data.post.media[0].url"));
        assertTrue(body.getString("data.archivedCopyUrl")
                .startsWith("https://afterimage.example/archive?url=https%3A%2F%2Ft.me%2F"));
        assertNotNull(body.getString("data.details.confirmedGoneAt"));
        assertEquals("DELIVERED", deliveries(webhook).getString("[0].status"));
        assertFalse(
                given().get("/api/webhooks/" + webhook.get("id")).asString().contains((String) webhook.get("secret")),
                "the secret is never shown again");
    }

    @Test
    void receiverDownThenUpGetsTheAlertOnceUnderTheSameId() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        receiver.answer(aResponse().withStatus(500).withBody("database is down"));
        Map<String, Object> webhook = subscribe(receiver, "json");

        deletePostOne();
        receiver.await(1);
        later(MINUTE);
        receiver.await(2);
        receiver.answer(aResponse().withStatus(200));
        later(Duration.ofMinutes(5));
        List<Received> requests = receiver.await(3);
        later(Duration.ofHours(6));
        settle();

        assertEquals(3, receiver.received().size(), "nothing after it was accepted");
        assertEquals(1, requests.stream().map(Received::id).distinct().count(), "one webhook-id across retries");
        assertEquals(3, requests.stream().map(Received::timestamp).distinct().count(), "each attempt signed anew");
        JsonPath delivery = deliveries(webhook);
        assertEquals("DELIVERED", delivery.getString("[0].status"));
        assertEquals(List.of(500, 500, 200), delivery.getList("[0].log.status"));
        assertEquals("database is down", delivery.getString("[0].log[0].response"));
    }

    @Test
    void refusedAndStalledDeliveriesAreRetried() throws IOException {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        String closedPort = "http://127.0.0.1:" + freePort() + "/hook";
        Map<String, Object> webhook = subscribe(closedPort, "json", List.of("POST_DELETED"));

        deletePostOne();
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(20),
                () -> deliveries(webhook).getList("[0].log").size() >= 1,
                "no attempt at the closed port");
        assertTrue(
                deliveries(webhook).getString("[0].lastError").contains("refused"),
                deliveries(webhook).getString("[0].lastError"));
        patch(webhook, Map.of("url", receiver.url()));
        receiver.answer(aResponse().withStatus(200).withFixedDelay(7_000));
        later(MINUTE);
        receiver.await(1);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(20),
                () -> deliveries(webhook).getList("[0].log").size() >= 2,
                "the stalled attempt was never recorded");
        assertTrue(
                deliveries(webhook).getString("[0].lastError").contains("timeout"),
                deliveries(webhook).getString("[0].lastError"));
        receiver.answer(aResponse().withStatus(204));
        later(Duration.ofMinutes(5));

        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(20),
                () -> "DELIVERED".equals(deliveries(webhook).getString("[0].status")),
                "never delivered");
        assertEquals(
                1, receiver.received().stream().map(Received::id).distinct().count());
    }

    @Test
    void retryAfterIsHonoured() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        receiver.answer(aResponse().withStatus(429).withHeader("Retry-After", "120"));
        Map<String, Object> webhook = subscribe(receiver, "json");

        deletePostOne();
        receiver.await(1);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> deliveries(webhook).getList("[0].log").size() == 1,
                "attempt not recorded");
        JsonPath delivery = deliveries(webhook);
        Instant asked = Instant.parse(delivery.getString("[0].lastAttemptAt")).plusSeconds(120);
        assertFalse(Instant.parse(delivery.getString("[0].nextAttemptAt")).isBefore(asked));
        receiver.answer(aResponse().withStatus(200));
        later(MINUTE);
        settle();
        assertEquals(1, receiver.received().size(), "not before the receiver said");
        later(Duration.ofSeconds(70));

        receiver.await(2);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> "DELIVERED".equals(deliveries(webhook).getString("[0].status")),
                "never delivered");
    }

    @Test
    void goneEndpointIsDisabledWithAnEvent() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        receiver.answer(aResponse().withStatus(410));
        Map<String, Object> webhook = subscribe(receiver, "json");

        deletePostOne();
        receiver.await(1);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> Boolean.FALSE.equals(
                        given().get("/api/webhooks/" + webhook.get("id")).path("enabled")),
                "not disabled");

        assertTrue(given().get("/api/webhooks/" + webhook.get("id"))
                .<String>path("disabledReason")
                .contains("410"));
        assertEquals("FAILED", deliveries(webhook).getString("[0].status"));
        assertTrue(eventsOfType("WEBHOOK_DISABLED").stream()
                .anyMatch(event -> webhook.get("id").equals(((Map<?, ?>) event.get("details")).get("webhookId"))));
        scenario.channel.delete(2);
        later(MINUTE);
        scenario.poll();
        settle();
        assertEquals(1, deliveries(webhook).getList("$").size(), "a disabled endpoint is sent nothing more");
    }

    @Test
    void endpointFailingForThreeDaysIsDisabled() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        receiver.answer(aResponse().withStatus(503));
        Map<String, Object> webhook = subscribe(receiver, "json");
        deletePostOne();
        receiver.await(1);

        for (int day = 0;
                day < 4
                        && Boolean.TRUE.equals(given().get("/api/webhooks/" + webhook.get("id"))
                                .path("enabled"));
                day++) {
            for (int step = 0; step < 8; step++) {
                later(Duration.ofHours(3).plusMinutes(40));
                if (step % 2 == 0) {
                    // Alerts keep coming while the endpoint is down: it fails continuously, not once long ago.
                    given().post("/api/webhooks/" + webhook.get("id") + "/test")
                            .then()
                            .statusCode(202);
                    settle();
                }
            }
        }

        assertEquals(false, given().get("/api/webhooks/" + webhook.get("id")).path("enabled"));
        assertTrue(given().get("/api/webhooks/" + webhook.get("id"))
                .<String>path("disabledReason")
                .contains("no delivery succeeded"));
        JsonPath first = JsonPath.from(given().get("/api/webhooks/" + webhook.get("id") + "/deliveries?limit=1000")
                .asString());
        assertEquals(
                "FAILED",
                first.getString("find { it.type == 'post.deleted' }.status"),
                "retries end after the retry period");
    }

    @Test
    void slowReceiverDoesNotDelayAnother() {
        RecordingWebhookReceiver slow = new RecordingWebhookReceiver(wireMock);
        slow.answer(aResponse().withStatus(200).withFixedDelay(20_000));
        RecordingWebhookReceiver fast = new RecordingWebhookReceiver(wireMock);
        Map<String, Object> stalled = subscribe(slow, "json");
        Map<String, Object> quick = subscribe(fast, "json");

        deletePostOne();

        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(20),
                () -> "DELIVERED".equals(deliveries(quick).getString("[0].status")),
                "the fast receiver waited");
        assertEquals(
                List.of(), deliveries(stalled).getList("[0].log"), "the slow receiver's attempt is still under way");
    }

    @Test
    void oneEndpointAskingToWaitDoesNotHoldBackAnotherOnTheSameHost() {
        RecordingWebhookReceiver limited = new RecordingWebhookReceiver(wireMock);
        limited.answer(aResponse().withStatus(429).withHeader("Retry-After", "600"));
        RecordingWebhookReceiver healthy = new RecordingWebhookReceiver(wireMock);
        Map<String, Object> waiting = subscribe(limited, "json");
        subscribe(healthy, "json");

        deletePostOne();
        limited.await(1);
        scenario.channel.delete(2);
        later(MINUTE);
        scenario.poll();

        assertEquals(2, healthy.await(2).size(), "both alerts reached the endpoint that did not ask to wait");
        limited.await(2);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> deliveries(waiting).getList("log").stream().allMatch(log -> ((List<?>) log).size() == 1),
                "attempts not recorded");
        for (Object next : deliveries(waiting).getList("nextAttemptAt")) {
            assertTrue(
                    Instant.parse((String) next).isAfter(clock.instant().plusSeconds(500)),
                    "each waits as its endpoint asked");
        }
    }

    @Test
    void updatesAboutOnePostArriveInOrderEvenWhenTheFirstMustBeRetried() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        receiver.answer(aResponse().withStatus(502));
        subscribe(receiver, "json");
        scenario.channel.edit(1, "Evidence, corrected");
        later(MINUTE);
        scenario.poll();
        receiver.await(1);
        deletePostOne();
        settle();
        assertEquals(
                List.of("post.edited"),
                typesReceived(receiver).stream().distinct().toList(),
                "the deletion waits while the edit before it is retried");

        receiver.answer(aResponse().withStatus(200));
        later(MINUTE);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(20),
                () -> typesReceived(receiver).contains("post.deleted"),
                "the deletion never came");

        List<String> types = typesReceived(receiver);
        assertEquals("post.deleted", types.getLast());
        assertEquals(1, types.stream().filter("post.deleted"::equals).count());
        assertTrue(types.subList(0, types.size() - 1).stream().allMatch("post.edited"::equals), types.toString());
    }

    private static List<String> typesReceived(RecordingWebhookReceiver receiver) {
        return receiver.received().stream()
                .map(r -> JsonPath.from(r.body()).getString("type"))
                .toList();
    }

    @Test
    void testMessageIsSentSignedAndAFailedDeliveryCanBeRetriedByHand() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        Map<String, Object> webhook = subscribe(receiver, "json");

        given().post("/api/webhooks/" + webhook.get("id") + "/test")
                .then()
                .statusCode(202)
                .body("type", org.hamcrest.Matchers.equalTo("webhook.test"));

        Received test = receiver.await(1).getFirst();
        assertEquals("webhook.test", JsonPath.from(test.body()).getString("type"));
        assertTrue(RecordingWebhookReceiver.signedWith((String) webhook.get("secret"), test));
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> "DELIVERED".equals(deliveries(webhook).getString("[0].status")),
                "test message not delivered");
        int delivered = deliveries(webhook).getInt("[0].id");
        given().post("/api/deliveries/" + delivered + "/retry").then().statusCode(409);
        given().post("/api/deliveries/999999/retry").then().statusCode(404);

        receiver.answer(aResponse().withStatus(410));
        deletePostOne();
        receiver.await(2);
        RecordingWebhookReceiver.awaitCondition(
                Duration.ofSeconds(10),
                () -> "FAILED".equals(deliveries(webhook).getString("[0].status")),
                "not failed");
        int failed = deliveries(webhook).getInt("[0].id");
        receiver.answer(aResponse().withStatus(200));
        patch(webhook, Map.of("enabled", true));
        given().post("/api/deliveries/" + failed + "/retry")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));

        List<Received> requests = receiver.await(3);
        assertEquals(requests.get(1).id(), requests.get(2).id(), "a retry by hand keeps the message id");
    }

    @Test
    void slackAndDiscordGetReadableMessages() {
        RecordingWebhookReceiver slack = new RecordingWebhookReceiver(wireMock);
        RecordingWebhookReceiver discord = new RecordingWebhookReceiver(wireMock);
        subscribe(slack, "slack");
        subscribe(discord, "discord");

        deletePostOne();

        JsonPath slackMessage = JsonPath.from(slack.await(1).getFirst().body());
        assertEquals("Post deleted", slackMessage.getString("blocks[0].text.text"));
        String section = slackMessage.getString("blocks[1].text.text");
        assertTrue(section.contains("*Ministry (telegram @" + scenario.channel.channel() + ")*"), section);
        assertTrue(section.contains(">Irrefutable evidence\n>Second line\n>Third line"), section);
        assertFalse(section.contains("Fourth line"), section);
        assertTrue(section.contains("lived 2 h"), section);
        assertTrue(section.contains("|Archived copy>"), section);
        assertTrue(slackMessage
                .getString("blocks[1].accessory.image_url")
                .startsWith("https://afterimage.example/media/"));

        JsonPath discordMessage = JsonPath.from(discord.await(1).getFirst().body());
        assertEquals("Post deleted", discordMessage.getString("embeds[0].title"));
        assertTrue(discordMessage.getString("embeds[0].url").startsWith("https://afterimage.example/archive?url="));
        assertEquals("2 h", discordMessage.getString("embeds[0].fields.find { it.name == 'Lived' }.value"));
        assertTrue(discordMessage.getString("embeds[0].thumbnail.url").startsWith("https://afterimage.example/media/"));
        assertEquals(List.of(), discordMessage.getList("allowed_mentions.parse"));
    }

    @Test
    void nothingIsSentForATransactionThatRolledBack() {
        RecordingWebhookReceiver receiver = new RecordingWebhookReceiver(wireMock);
        Map<String, Object> webhook = subscribe(receiver, "json");

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                events.append(EventDraft.aboutAccount(
                        scenario.accountId(),
                        new EventDetails.AccountUnavailable("test", "GONE", "gone", Instant.EPOCH)));
                throw new IllegalStateException("the detection failed after raising its event");
            });
        } catch (IllegalStateException expected) {
            // The rollback is the point of the test.
        }
        settle();

        assertEquals(List.of(), deliveries(webhook).getList("$"));
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        badSubscription(Map.of("url", "ftp://example.org/hook"), "url");
        badSubscription(Map.of("url", "http://127.0.0.1/" + "a".repeat(3000)), "url");
        badSubscription(Map.of("events", List.of("POST_DELETED")), "url");
        badSubscription(Map.of("url", "http://127.0.0.1/hook", "events", List.of("POST_VANISHED")), "events");
        badSubscription(Map.of("url", "http://127.0.0.1/hook", "events", List.of()), "events");
        badSubscription(Map.of("url", "http://127.0.0.1/hook", "format", "teams"), "format");
        badSubscription(Map.of("url", "http://127.0.0.1/hook", "accounts", List.of(987654321)), "accounts");
        badSubscription(Map.of("url", "http://127.0.0.1/hook", "secret", "hunter2"), "secret");
        given().get("/api/webhooks/987654321").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/webhooks/987654321/deliveries").then().statusCode(404);
    }

    @Test
    void subscriptionCanBeListedChangedAndRemoved() {
        Map<String, Object> webhook = subscribe(new RecordingWebhookReceiver(wireMock), "json");
        Object id = webhook.get("id");

        given().get("/api/webhooks").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        given().contentType(ContentType.JSON)
                .body(Map.of("events", List.of("post.edited", "POST_DELETED"), "format", "discord"))
                .patch("/api/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("events", org.hamcrest.Matchers.equalTo(List.of("POST_DELETED", "POST_EDITED")))
                .body("format", org.hamcrest.Matchers.equalTo("discord"))
                .body("secretHint", org.hamcrest.Matchers.startsWith("whsec_"))
                .body("secret", org.hamcrest.Matchers.nullValue());
        given().delete("/api/webhooks/" + id).then().statusCode(204);
        given().get("/api/webhooks/" + id).then().statusCode(404);
    }

    private void deletePostOne() {
        scenario.channel.delete(1);
        later(MINUTE);
        scenario.poll();
    }

    /** Moves the service's clock on and lets the dispatcher see what fell due. */
    private void later(Duration duration) {
        scenario.advance(duration);
        dispatcher.wake();
    }

    /** Gives asynchronous sending a moment to show anything it would wrongly do. */
    private void settle() {
        dispatcher.wake();
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> subscribe(RecordingWebhookReceiver receiver, String format) {
        return subscribe(receiver.url(), format, null);
    }

    private Map<String, Object> subscribe(String url, String format, List<String> events) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("url", url, "format", format, "accounts", List.of(scenario.accountId())));
        if (events != null) {
            body.put("events", events);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .extract()
                .jsonPath()
                .getMap("$");
    }

    private static void patch(Map<String, Object> webhook, Map<String, Object> change) {
        given().contentType(ContentType.JSON)
                .body(change)
                .patch("/api/webhooks/" + webhook.get("id"))
                .then()
                .statusCode(200);
    }

    private static JsonPath deliveries(Map<String, Object> webhook) {
        return given().get("/api/webhooks/" + webhook.get("id") + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> eventsOfType(String type) {
        List<Map<String, Object>> all = given().get("/api/events?limit=1000")
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        return all.stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    private static void badSubscription(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo(field));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
