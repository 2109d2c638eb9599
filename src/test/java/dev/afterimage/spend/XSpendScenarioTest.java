package dev.afterimage.spend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeX;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import dev.afterimage.watch.Poller;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** X reads counted per post returned, priced, persisted per day, shown and metered; a budget slows scheduled polls. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class XSpendScenarioTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    XSpendMeter meter;

    @Inject
    Poller poller;

    @Test
    void readsArePricedPerPostPersistedShownAndSlowScheduledPollsOverBudget() {
        FakeX account = new FakeX("sp_" + Long.toString(System.nanoTime() % 1_000_000, 36));
        ApiDriver scenario = new ApiDriver(wireMock, clock, account.username(), () -> account.install(wireMock));
        for (int i = 0; i < 12; i++) {
            account.post(scenario.now().minus(Duration.ofHours(12 - i)), "Statement " + i);
        }
        long id = scenario.watch("https://x.com/" + account.username());
        meter.flush();
        XSpend before = meter.month();

        scenario.poll();
        meter.flush();

        XSpend after = meter.month();
        assertEquals(12, after.postsRead() - before.postsRead(), "one timeline page of 12 posts");
        assertEquals(
                new BigDecimal("0.005").multiply(BigDecimal.valueOf(after.postsRead())),
                after.cost(),
                "USD 0.005 a post");
        assertTrue(after.slowed(), "12 posts at 0.005 run past a 0.05 budget");
        assertTrue(poller.pollScheduled(id).isEmpty(), "a scheduled poll right after a poll waits");
        scenario.advance(Duration.ofMinutes(5).multipliedBy(4).plusSeconds(1));
        assertFalse(poller.pollScheduled(id).isEmpty(), "after four intervals it polls again");
        given().get("/console")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("X spend"))
                .body(Matchers.containsString("scheduled X polls are slowed"));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("afterimage_x_posts_read{period=\"month\"}"))
                .body(Matchers.containsString("afterimage_x_spend{period=\"month\"}"));
    }
}
