package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.ServiceProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged instances on one PostgreSQL share the accounts: no account is polled by both at once, and when one is
 * killed with SIGKILL the other polls its accounts within their interval plus the claim lease; the deletion seen
 * before the kill is reported once.
 */
class ClusterIT {

    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** Each listing answers this slowly: two polls of one account at once would overlap by that much. */
    private static final int LISTING_DELAY_MILLIS = 1_200;

    private static final int CHANNELS = 6;

    @TempDir
    Path workDir;

    private WireMockServer wireMock;
    private ServiceProcess first;
    private ServiceProcess second;
    private final List<FakeTelegram> channels = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(
                PackagedDatabase.isPostgresql(),
                "a cluster shares one PostgreSQL database; this build is for H2 (run with -Ppostgresql)");
        wireMock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "afterimage.platforms.telegram.base-url", wireMock.baseUrl(),
                "afterimage.fetch.allow-private-networks", "true",
                "afterimage.watch.min-poll-interval", "PT1S",
                "afterimage.watch.claim-lease", LEASE.toString(),
                "afterimage.webhooks.retry-delays", "PT1S"));
        properties.putAll(PackagedDatabase.freshSchema("cluster_it"));
        Files.createDirectories(workDir.resolve("a"));
        Files.createDirectories(workDir.resolve("b"));
        first = new ServiceProcess(workDir.resolve("a"), properties);
        second = new ServiceProcess(workDir.resolve("b"), properties);
    }

    @AfterEach
    void stop() {
        if (wireMock == null) {
            return;
        }
        first.close();
        second.close();
        wireMock.stop();
    }

    @Test
    void instancesShareTheAccountsAndTakeOverFromAKilledOne() {
        Instant now = Instant.now();
        for (int i = 0; i < CHANNELS; i++) {
            FakeTelegram channel = new FakeTelegram("cluster_" + i, "Ministry " + i);
            channel.post(1, now.minus(Duration.ofHours(2)), "Statement one of channel " + i);
            channel.post(2, now.minus(Duration.ofHours(1)), "Statement two of channel " + i);
            install(channel);
            channels.add(channel);
        }
        wireMock.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        first.start();
        second.start();
        List<Long> accounts = new ArrayList<>();
        for (FakeTelegram channel : channels) {
            accounts.add(((Number) given().baseUri(first.baseUrl())
                            .contentType(ContentType.JSON)
                            .body("{\"url\":\"https://t.me/" + channel.channel() + "\",\"pollInterval\":\"" + INTERVAL
                                    + "\"}")
                            .post("/api/accounts")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"))
                    .longValue());
        }
        given().baseUri(second.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("url", wireMock.baseUrl() + "/hook"))
                .post("/api/webhooks")
                .then()
                .statusCode(201);

        await("every channel polled three times").atMost(Duration.ofSeconds(60)).until(() -> channels.stream()
                .allMatch(channel -> listings(channel).size() >= 3));
        // An instance that joins takes a claimer within Quartz's idle wait (2 s) and from then on claims its share.
        await("both instances polling")
                .atMost(Duration.ofSeconds(20))
                .until(() -> polls(first) > 0 && polls(second) > 0);

        FakeTelegram deleting = channels.getFirst();
        deleting.delete(2);
        install(deleting);
        await("the deletion delivered").atMost(Duration.ofSeconds(30)).until(() -> !hooks().isEmpty());

        Instant killed = Instant.now();
        first.kill();
        Duration takeOver = INTERVAL.plus(LEASE).plusSeconds(3);
        await("every channel polled after the kill")
                .atMost(takeOver.plusSeconds(10))
                .until(() -> channels.stream().allMatch(channel -> listings(channel).stream()
                        .anyMatch(request -> request.getLoggedDate().toInstant().isAfter(killed))));
        for (FakeTelegram channel : channels) {
            Instant firstAfterKill = listings(channel).stream()
                    .map(request -> request.getLoggedDate().toInstant())
                    .filter(at -> at.isAfter(killed))
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            Duration gap = Duration.between(killed, firstAfterKill);
            assertTrue(
                    gap.compareTo(takeOver) <= 0,
                    channel.channel() + " was next polled " + gap + " after the kill, over its interval and lease");
        }

        sleep(INTERVAL.multipliedBy(2));
        for (FakeTelegram channel : channels) {
            List<LoggedRequest> requests = listings(channel);
            for (int i = 1; i < requests.size(); i++) {
                long apart = requests.get(i).getLoggedDate().getTime()
                        - requests.get(i - 1).getLoggedDate().getTime();
                assertTrue(
                        apart >= LISTING_DELAY_MILLIS,
                        channel.channel() + " was polled twice at once (" + apart + " ms apart)");
            }
        }
        List<String> deletions = hooks().stream()
                .filter(request -> request.getBodyAsString().contains("post.deleted"))
                .map(request -> request.getHeader("webhook-id"))
                .distinct()
                .toList();
        assertEquals(1, deletions.size(), "the deletion was reported once: " + deletions);
        assertEquals(
                "DELETED",
                given().baseUri(second.baseUrl())
                        .get("/api/posts?account=" + accounts.getFirst())
                        .then()
                        .extract()
                        .path("find { it.platformPostId == '2' }.state"));
    }

    /** The channel's stubs, its newest listing page answering slowly. */
    private void install(FakeTelegram channel) {
        channel.install(wireMock);
        wireMock.stubFor(get(urlPathEqualTo("/s/" + channel.channel()))
                .withQueryParam("before", absent())
                .atPriority(1)
                .willReturn(aResponse()
                        .withFixedDelay(LISTING_DELAY_MILLIS)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(channel.listingPage(Optional.empty(), channel.pageSize()))));
    }

    private List<LoggedRequest> listings(FakeTelegram channel) {
        return wireMock
                .findAll(getRequestedFor(urlPathEqualTo("/s/" + channel.channel()))
                        .withQueryParam("before", absent()))
                .stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private List<LoggedRequest> hooks() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo("/hook")));
    }

    private static double polls(ServiceProcess instance) {
        String metrics = given().baseUri(instance.baseUrl())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("afterimage_polls_seconds_count{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
