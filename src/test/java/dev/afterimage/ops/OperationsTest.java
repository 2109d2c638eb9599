package dev.afterimage.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramPlatform;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
    void pollsDeletionsAndTheServicesStateAreMetrics() {
        TelegramPlatform channel = new TelegramPlatform(wireMock, clock);
        String id = channel.publish(Duration.ofHours(1), "Statement", channel.picture("evidence", 7));
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
