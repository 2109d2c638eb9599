package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fake VK community driven through time against the VK API stand-in; every scenario asserts the exact events. */
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
    void newPostIsArchivedWithItsPhoto() {
        String id = community.post(scenario.now().minus(Duration.ofHours(2)), "Briefing", scenario.picture("a", 1));
        watch();

        JsonPath summary = scenario.poll();

        assertEquals("OK", summary.getString("outcome"));
        assertEquals(1, summary.getInt("newPosts"));
        assertEquals(1, summary.getInt("mediaDownloaded"));
        assertEquals(List.of(), scenario.events());
        JsonPath post = scenario.post(id);
        assertEquals("https://vk.com/wall" + id, post.getString("post.url"));
        assertEquals("Briefing", post.getString("versions[0].text"));
        assertEquals(List.of("PHOTO"), post.getList("versions[0].media.kind"));
    }

    @Test
    void editIsReported() {
        String id = community.post(scenario.now().minus(Duration.ofHours(1)), "The convoy was seen near the border");
        watch();
        scenario.poll();
        community.edit(id, scenario.now(), "The convoy was seen far from the border");
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        assertEquals(1, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        assertEquals(
                "The convoy was seen far from the border", scenario.post(id).getString("versions[1].text"));
    }

    @Test
    void deletionConfirmedByWallGetByIdIsReportedOnce() {
        community.post(scenario.now().minus(Duration.ofHours(5)), "Stays");
        String doomed = community.post(scenario.now().minus(Duration.ofHours(4)), "Will be deleted");
        watch();
        scenario.poll();
        community.delete(doomed);
        scenario.advance(MINUTE);

        JsonPath summary = scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(1, summary.getInt("deleted"));
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) scenario.events().getFirst().get("details");
        assertTrue(String.valueOf(details.get("evidence")).contains("wall.getById"), details.toString());
        assertEquals("DELETED", scenario.post(doomed).getString("post.state"));
    }

    @Test
    void deletionIsNotConfirmedOnServerErrorsRateLimitsTimeoutsOrTooManyRequests() {
        community.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = community.post(scenario.now().minus(Duration.ofHours(2)), "Deleted during trouble");
        watch();
        scenario.poll();
        community.delete(doomed);

        StubMapping outage = scenario.fault(GET_BY_ID, aResponse().withStatus(502));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(outage);
        StubMapping tooMany = scenario.fault(
                GET_BY_ID,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"error_code\":6,\"error_msg\":\"Too many requests per second\"}}"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(tooMany);
        StubMapping slow = scenario.fault(
                GET_BY_ID, aResponse().withStatus(200).withFixedDelay(3_000).withBody("{\"response\":{\"items\":[]}}"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(slow);
        StubMapping limited =
                scenario.fault(GET_BY_ID, aResponse().withStatus(429).withHeader("Retry-After", "60"));
        scenario.advance(MINUTE);
        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(limited);

        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
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

    @Test
    void deletedCommunityIsUnavailableOnce() {
        String id = community.post(scenario.now().minus(Duration.ofHours(3)), "Soon gone with its community");
        watch();
        scenario.poll();
        community.setDeleted(true);

        scenario.pollEvery(MINUTE, Duration.ofMinutes(3));

        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes());
        RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", Matchers.equalTo("UNAVAILABLE"));
        assertEquals("LIVE", scenario.post(id).getString("post.state"));
    }
}
