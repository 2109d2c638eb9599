package dev.afterimage.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.afterimage.testkit.ApiDriver;
import dev.afterimage.testkit.FakeFacebook;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake Facebook Page driven through time in what only Facebook does (the Page asked before a post is declared gone,
 * Graph's own rate-limit error, Page Public Content Access); what every
 * platform does is {@link FacebookWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class FacebookWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger PAGES = new AtomicInteger();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private FakeFacebook page;
    private ApiDriver scenario;

    @BeforeEach
    void newScenario() {
        page = new FakeFacebook(
                "fbpage." + PAGES.incrementAndGet() + "." + Long.toString(System.nanoTime() % 1_000_000, 36));
        scenario = new ApiDriver(wireMock, clock, page.handle(), () -> page.install(wireMock));
    }

    private void watch() {
        scenario.watch("https://www.facebook.com/" + page.handle());
    }

    @Test
    void deletionIsNotConfirmedWhileThePageItselfFails() {
        page.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = page.post(scenario.now().minus(Duration.ofHours(2)), "Will be deleted during trouble");
        watch();
        scenario.poll();
        page.delete(doomed);
        // Graph says 100/33 for a post of a Page that is gone too, so the Page is asked before a post is declared gone.
        StubMapping pageDown = scenario.fault(
                "/" + FakeFacebook.VERSION + "/" + page.handle(), aResponse().withStatus(503));
        scenario.advance(MINUTE);

        JsonPath during = scenario.poll();

        assertEquals(1, during.getInt("unknown"));
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
        scenario.heal(pageDown);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void deletionIsNotConfirmedWhileTheGraphApiSaysSlowDown() {
        page.post(scenario.now().minus(Duration.ofHours(3)), "Stays");
        String doomed = page.post(scenario.now().minus(Duration.ofHours(2)), "Will be deleted while limited");
        watch();
        scenario.poll();
        page.delete(doomed);
        scenario.advance(MINUTE);
        // The Graph API's own "slow down" is an error code in a 400, which pauses the source for a while.
        StubMapping limited = scenario.fault(
                "/" + FakeFacebook.VERSION + "/" + doomed,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}"));

        assertEquals(1, scenario.poll().getInt("unknown"));
        scenario.heal(limited);
        scenario.advance(MINUTE);
        JsonPath paused = scenario.poll();

        assertEquals("UNKNOWN", paused.getString("outcome"), "paused after the Graph API's rate-limit error");
        assertEquals(List.of(), scenario.events());
        assertEquals("LIVE", scenario.post(doomed).getString("post.state"));
        scenario.advance(Duration.ofMinutes(10));
        scenario.poll();
        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
    }

    @Test
    void tokenWithoutPagePublicContentAccessIsAnAccountStateNotEndlessUnknownPolls() {
        String id = page.post(scenario.now().minus(Duration.ofHours(3)), "Read while the token could");
        watch();
        scenario.poll();
        page.setNeedsPageAccess(true);

        List<JsonPath> refused = scenario.pollEvery(MINUTE, Duration.ofMinutes(15));

        assertEquals("ACCOUNT_GONE", refused.getLast().getString("outcome"));
        assertTrue(
                refused.getLast().getString("detail").contains("needs Page Public Content Access"),
                refused.getLast().getString("detail"));
        assertEquals(List.of("ACCOUNT_UNAVAILABLE"), scenario.eventTypes(), "no WATCH_FAILING, no deletion");
        assertEquals(
                "NEEDS_ACCESS",
                scenario.events().getFirst().get("details") instanceof Map<?, ?> details ? details.get("state") : null);
        io.restassured.RestAssured.given()
                .get("/api/accounts/" + scenario.accountId())
                .then()
                .body("availability", org.hamcrest.Matchers.equalTo("NEEDS_ACCESS"));
        assertEquals("LIVE", scenario.post(id).getString("post.state"));
        page.setNeedsPageAccess(false);
        scenario.advance(MINUTE);
        scenario.poll();
        assertEquals(List.of("ACCOUNT_UNAVAILABLE", "ACCOUNT_RESTORED"), scenario.eventTypes());
    }
}
