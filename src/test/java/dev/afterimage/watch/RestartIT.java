package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.ServiceProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service killed mid-poll and restarted: nothing observed is lost and nothing is reported twice.
 * Runs on the database the build is for (H2 file under a fresh folder, or a fresh PostgreSQL schema).
 */
class RestartIT {

    private static final String SCHEMA = "restart_it";

    @TempDir
    Path workDir;

    private WireMockServer wireMock;
    private ServiceProcess service;

    @BeforeEach
    void start() {
        wireMock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "afterimage.platforms.telegram.base-url", wireMock.baseUrl(),
                "afterimage.fetch.allow-private-networks", "true",
                "afterimage.watch.scheduler-enabled", "false",
                "afterimage.webhooks.retry-delays", "PT1S"));
        properties.putAll(PackagedDatabase.freshSchema(SCHEMA));
        service = new ServiceProcess(workDir, properties);
    }

    @AfterEach
    void stop() {
        service.close();
        wireMock.stop();
    }

    @Test
    void serviceKilledMidPollLosesNothingAndReportsTheDeletionOnce() throws Exception {
        FakeTelegram channel = new FakeTelegram("restart_channel", "Ministry");
        wireMock.stubFor(get(urlPathEqualTo("/cdn/evidence.jpg"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(2017, 800, 600, 0.9f))));
        Instant now = Instant.now();
        channel.post(1, now.minus(Duration.ofHours(3)), "Evidence").photo(wireMock.baseUrl() + "/cdn/evidence.jpg");
        channel.post(2, now.minus(Duration.ofHours(2)), "Will be deleted");
        channel.post(3, now.minus(Duration.ofHours(1)), "Stays");
        channel.install(wireMock);
        service.start();
        long account = ((Number) api().contentType(ContentType.JSON)
                        .body("{\"url\":\"https://t.me/restart_channel\"}")
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        assertEquals(
                3,
                api().post("/api/accounts/" + account + "/poll")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("newPosts"));

        channel.delete(2);
        channel.install(wireMock);
        StubMapping slowPermalink = wireMock.stubFor(get(urlPathEqualTo("/restart_channel/2"))
                .atPriority(1)
                .willReturn(aResponse().withFixedDelay(20_000).withBody(channel.embedPage(2))));
        CompletableFuture.runAsync(() -> api().post("/api/accounts/" + account + "/poll"));
        awaitRequest("/restart_channel/2");
        service.kill();
        wireMock.removeStub(slowPermalink);

        service.start();
        assertEquals(List.of(), eventTypes(account), "the killed poll committed nothing");
        String afterCrash = api().post("/api/accounts/" + account + "/poll")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(List.of("POST_DELETED"), eventTypes(account), afterCrash);

        service.stop();
        service.start();
        api().post("/api/accounts/" + account + "/poll").then().statusCode(200);
        assertEquals(List.of("POST_DELETED"), eventTypes(account), "nothing reported twice after a restart");
        List<String> states = api().get("/api/posts?account=" + account)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("state");
        assertEquals(List.of("LIVE", "DELETED", "LIVE"), states);
        int evidenceId = api().get("/api/posts?account=" + account)
                .then()
                .extract()
                .path("find { it.platformPostId == '1' }.id");
        String sha = api().get("/api/posts/" + evidenceId)
                .then()
                .statusCode(200)
                .extract()
                .path("versions[0].media[0].sha256");
        byte[] bytes =
                api().get("/media/" + sha).then().statusCode(200).extract().asByteArray();
        assertEquals(sha, Sha256.of(bytes));
        assertTrue(
                Files.isDirectory(workDir.resolve("data/media")),
                "media are kept under ./data of the folder the service runs in");
    }

    @Test
    void alertsPendingWhenTheServiceStopsAreSentWhenItStartsAgain() {
        FakeTelegram channel = new FakeTelegram("restart_alerts", "Ministry");
        Instant now = Instant.now();
        channel.post(1, now.minus(Duration.ofHours(2)), "Will be deleted");
        channel.post(2, now.minus(Duration.ofHours(1)), "Stays");
        channel.install(wireMock);
        StubMapping down = wireMock.stubFor(
                post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
        service.start();
        long account = ((Number) api().contentType(ContentType.JSON)
                        .body("{\"url\":\"https://t.me/restart_alerts\"}")
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        long webhook = ((Number) api().contentType(ContentType.JSON)
                        .body(Map.of("url", wireMock.baseUrl() + "/hook", "accounts", List.of(account)))
                        .post("/api/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        api().post("/api/accounts/" + account + "/poll").then().statusCode(200);
        channel.delete(1);
        channel.install(wireMock);
        api().post("/api/accounts/" + account + "/poll").then().statusCode(200);
        awaitRequests(1);

        service.stop();
        wireMock.removeStub(down);
        wireMock.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        service.start();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"DELIVERED"
                .equals(api().get("/api/webhooks/" + webhook + "/deliveries")
                        .then()
                        .extract()
                        .path("[0].status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the pending alert was not sent after the restart");
            sleep(200);
        }
        List<String> ids = wireMock.findAll(postRequestedFor(urlPathEqualTo("/hook"))).stream()
                .map(request -> request.getHeader("webhook-id"))
                .toList();
        assertEquals(
                1, ids.stream().distinct().count(), "the same message, under the same id, after the restart: " + ids);
    }

    private void awaitRequests(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (wireMock.findAll(postRequestedFor(urlPathEqualTo("/hook"))).size() < count) {
            assertTrue(Instant.now().isBefore(deadline), "the receiver never got " + count + " requests");
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private List<String> eventTypes(long account) {
        return api().get("/api/events?account=" + account)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("type");
    }

    private io.restassured.specification.RequestSpecification api() {
        return given().baseUri(service.baseUrl());
    }

    private void awaitRequest(String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (wireMock.findAll(getRequestedFor(urlPathEqualTo(path))).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the poll never asked " + path);
            }
            Thread.sleep(50);
        }
    }
}
