package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeVk;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake VK community driven through time in what only VK does (its error 6, a closed community); what every
 * platform does is {@link VkWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class VkWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger COMMUNITIES = new AtomicInteger();
    private static final String GET_BY_ID = "/method/wall.getById";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeVk community;
    private ApiDriver scenario;

    @BeforeEach
    void newScenario() {
        community = new FakeVk("vkcommunity_" + COMMUNITIES.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() % 1_000_000, 36));
        scenario = new ApiDriver(wireMock, clock, community.screenName(), () -> community.install(wireMock));
    }

    private void watch() {
        scenario.watch("https://vk.com/" + community.screenName());
    }

    @Test
    void deletionIsNotConfirmedWhileVkSaysTooManyRequestsPerSecond() {
        community.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = community.post(scenario.now().minus(Duration.ofHours(2)), "Deleted during trouble");
        watch();
        scenario.poll();
        community.delete(doomed);
        // VK's own rate limit is error 6 inside an HTTP 200.
        StubMapping tooMany = scenario.fault(
                GET_BY_ID,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"error_code\":6,\"error_msg\":\"Too many requests per second\"}}"));
        scenario.advance(MINUTE);

        assertEquals(1, scenario.poll().getInt("unknown"));

        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
        scenario.heal(tooMany);
        scenario.advance(Duration.ofMinutes(2));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void closedCommunityIsAnAccountStateNotDeletions() {
        String id = community.post(scenario.now().minus(Duration.ofHours(3)), "Open for now");
        watch();
        scenario.poll();
        community.setClosed(true);

        List<JsonPath> whileClosed = scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals("ACCOUNT_GONE", whileClosed.getLast().getString("outcome"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", Matchers.equalTo("CLOSED"));
        assertEquals("LIVE", scenario.post(id).getString("post.state"));
        community.setClosed(false);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
    }
}
