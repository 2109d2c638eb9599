package dev.afterimage.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramPlatform;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus and load balancer see of a running watch. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    OperationsGauges gauges;

    @Test
    void pollsDeletionsAndTheServicesStateAreMetricsAsTheDashboardExpects() throws IOException {
        TelegramPlatform channel = new TelegramPlatform(wireMock, clock);
        String id = channel.publish(Duration.ofHours(1), "Statement", channel.picture("evidence", 7));
        // Stays listed: the polls after the deletion fetch the same page again and take it as read.
        channel.publish(Duration.ofMinutes(30), "Another statement");
        channel.watch();
        channel.poll();
        channel.delete(id);
        channel.advance(Duration.ofMinutes(1));
        channel.pollEvery(Duration.ofMinutes(1), Duration.ofMinutes(3));
        assertEquals(List.of("POST_DELETED"), channel.eventTypes());

        gauges.refresh();

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : List.of(
                "afterimage_polls_seconds_count{outcome=\"OK\",platform=\"telegram\"}",
                "afterimage_suspects_asked_total{platform=\"telegram\"}",
                "afterimage_listings_unread_total{platform=\"telegram\"}",
                "afterimage_events_total{type=\"POST_DELETED\"}",
                "afterimage_accounts_watched ",
                "afterimage_accounts_failing ",
                "afterimage_outbox_pending ",
                "afterimage_stamps_pending ")) {
            assertEquals(true, metrics.contains(expected), expected + " is not in /q/metrics");
        }
        double mediaBytes = Double.parseDouble(metrics.lines()
                .filter(line -> line.startsWith("afterimage_media_bytes "))
                .findFirst()
                .orElseThrow()
                .substring("afterimage_media_bytes ".length()));
        assertEquals(true, mediaBytes > 0, "the stored photo counts in afterimage_media_bytes");
        everyMetricTheGrafanaDashboardQueriesIsExposed(metrics);
    }

    /** Checked once a poll and a deletion happened, as in any running service. */
    private static void everyMetricTheGrafanaDashboardQueriesIsExposed(String metrics) throws IOException {
        String dashboard = Files.readString(Path.of("deploy/grafana-dashboard.json"));
        Matcher queried = Pattern.compile("afterimage_[a-z_]+").matcher(dashboard);
        int checked = 0;
        while (queried.find()) {
            assertTrue(
                    metrics.lines()
                            .anyMatch(line ->
                                    line.startsWith(queried.group() + " ") || line.startsWith(queried.group() + "{")),
                    queried.group() + " is queried by deploy/grafana-dashboard.json but not exposed at /q/metrics");
            checked++;
        }
        assertTrue(checked >= 10, "the dashboard queries the service's own metrics");
    }

    @Test
    void readinessCoversTheMediaStoreTheSchedulerTheOutboxAndTheWatches() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("media store", "scheduler", "webhook outbox", "watches"))
                .body(containsString("freeBytes"));
    }
}
