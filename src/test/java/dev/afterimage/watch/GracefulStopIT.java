package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.ServiceProcess;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as systemd and Kubernetes send it, while a scheduled poll waits on a slow platform: the poll wraps up and
 * is recorded, the service stops within its grace, and the log holds no error or stack trace.
 */
class GracefulStopIT {

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
                "afterimage.watch.min-poll-interval", "PT1S"));
        properties.putAll(PackagedDatabase.freshSchema("graceful_stop_it"));
        service = new ServiceProcess(workDir, properties);
    }

    @AfterEach
    void stop() {
        service.close();
        wireMock.stop();
    }

    @Test
    void sigtermMidPollRecordsThePollAndLogsNoError() {
        FakeTelegram channel = new FakeTelegram("graceful_channel", "Ministry");
        Instant now = Instant.now();
        channel.post(1, now.minus(Duration.ofHours(2)), "First statement");
        channel.post(2, now.minus(Duration.ofHours(1)), "Second statement");
        channel.install(wireMock);
        wireMock.stubFor(get(urlPathEqualTo("/s/graceful_channel"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withFixedDelay(4_000)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(channel.listingPage(Optional.empty(), channel.pageSize()))));
        service.start();
        long account = ((Number) given().baseUri(service.baseUrl())
                        .contentType(ContentType.JSON)
                        .body("{\"url\":\"https://t.me/graceful_channel\",\"pollInterval\":\"PT1S\"}")
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        awaitListingRequest();

        Instant stopping = Instant.now();
        service.stop();
        Duration took = Duration.between(stopping, Instant.now());

        String log = service.log();
        assertTrue(took.compareTo(Duration.ofSeconds(25)) < 0, "stopping took " + took + ":\n" + log);
        List<String> bad = log.lines()
                .filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Exception"))
                .toList();
        assertEquals(List.of(), bad, "the stop logged errors:\n" + log);

        service.start();
        Map<String, Object> after = given().baseUri(service.baseUrl())
                .get("/api/accounts/" + account)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertEquals("UNKNOWN", after.get("lastPollOutcome"), "the poll cut short by the stop was recorded: " + after);
        assertTrue(String.valueOf(after.get("lastPollDetail")).contains("stopping"), after.toString());
        assertEquals(
                2,
                given().baseUri(service.baseUrl())
                        .get("/api/posts?account=" + account)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size(),
                "what the poll had read was archived");
    }

    private void awaitListingRequest() {
        await("a scheduled poll asking for the listing")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !wireMock.findAll(getRequestedFor(urlPathEqualTo("/s/graceful_channel")))
                        .isEmpty());
    }
}
