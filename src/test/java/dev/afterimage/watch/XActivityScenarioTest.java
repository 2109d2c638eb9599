package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeX;
import dev.afterimage.testkit.FakeXActivity;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushed X events (Activity API stream and webhook) against stand-ins built from X's documentation. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class XActivityScenarioTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    /** application.properties, %test: the consumer secret X would sign with. */
    private static final String CONSUMER_SECRET = "test-consumer-secret";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    XActivityWatch watch;

    private FakeX account;
    private FakeXActivity activity;
    private ApiDriver scenario;

    @BeforeEach
    void newScenario() {
        account = new FakeX("xa" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36));
        scenario = new ApiDriver(wireMock, clock, account.username(), () -> account.install(wireMock));
        activity = new FakeXActivity(wireMock);
    }

    @AfterEach
    void stopWatch() {
        watch.stop();
    }

    /** Watches the account, polls once (so its user id is learnt), then starts the push watch. */
    private void watchWithPushes() {
        scenario.watch("https://x.com/" + account.username());
        scenario.poll();
        watch.start(wireMock.baseUrl());
    }

    @Test
    void watchedAccountIsSubscribedToItsPostEvents() {
        watchWithPushes();

        assertEquals(true, watch.subscribedUserIds().contains(account.userId()));
        for (String type : List.of("post.create", "post.delete")) {
            wireMock.verify(postRequestedFor(urlPathEqualTo("/2/activity/subscriptions"))
                    .withRequestBody(equalToJson("{\"event_type\":\"" + type + "\",\"filter\":{\"user_id\":\""
                            + account.userId() + "\"},\"tag\":\"afterimage\"}")));
        }
    }

    @Test
    void pushedDeletionIsConfirmedAtOnceByTheLookup() {
        account.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        long doomed = account.post(scenario.now().minus(Duration.ofHours(2)), "Deleted, and X says so");
        watchWithPushes();
        account.delete(doomed);
        account.install(wireMock);

        activity.push(FakeXActivity.event("post.delete", account.userId(), doomed));

        await().atMost(Duration.ofSeconds(15)).until(() -> scenario.eventTypes().equals(List.of("POST_DELETED")));
        assertEquals("DELETED", scenario.post(String.valueOf(doomed)).getString("post.state"));
    }

    @Test
    void pushedDeletionIsNotDeclaredWhileTheLookupFails() {
        long doomed = account.post(scenario.now().minus(Duration.ofHours(2)), "Deleted while X is down");
        watchWithPushes();
        account.delete(doomed);
        account.install(wireMock);
        StubMapping outage = scenario.fault("/2/tweets", aResponse().withStatus(503));

        activity.push(FakeXActivity.event("post.delete", account.userId(), doomed));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo("/2/tweets")))
                                .size()
                        > 0);
        scenario.heal(outage);
        assertEquals(List.of(), scenario.eventTypes());
        assertEquals("LIVE", scenario.post(String.valueOf(doomed)).getString("post.state"));
    }

    @Test
    void pushedCreationIsArchivedAtOnce() {
        watchWithPushes();
        long fresh = account.post(scenario.now(), "Just posted");
        account.install(wireMock);

        activity.push(FakeXActivity.event("post.create", account.userId(), fresh));

        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/api/posts?account=" + scenario.accountId())
                .then()
                .extract()
                .asString()
                .contains("\"" + fresh + "\""));
        assertEquals("Just posted", scenario.post(String.valueOf(fresh)).getString("versions[0].text"));
    }

    @Test
    void webhookAnswersXsCrcChallengeWithTheConsumerSecretsHmac() {
        given().get("/hooks/x-activity?crc_token=challenge-123")
                .then()
                .statusCode(200)
                .body("response_token", Matchers.equalTo("sha256=" + hmac("challenge-123")));
        given().get("/hooks/x-activity").then().statusCode(400);
    }

    @Test
    void webhookDeliveryIsBelievedOnlyWithXsSignature() {
        long doomed = account.post(scenario.now().minus(Duration.ofHours(2)), "Deleted, pushed by webhook");
        watchWithPushes();
        account.delete(doomed);
        account.install(wireMock);
        String body = "[" + FakeXActivity.event("post.delete", account.userId(), doomed) + "]";

        given().header("x-twitter-webhooks-signature", "sha256=" + hmac("something else"))
                .body(body)
                .post("/hooks/x-activity")
                .then()
                .statusCode(401);
        given().body(body).post("/hooks/x-activity").then().statusCode(401);
        given().header("x-twitter-webhooks-signature", "sha256=" + hmac(body))
                .body(body)
                .post("/hooks/x-activity")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> scenario.eventTypes().equals(List.of("POST_DELETED")));
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, in real time, up to 15 s for a push's poll on the watch's own thread. */
}
