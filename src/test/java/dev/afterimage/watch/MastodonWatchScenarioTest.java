package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MastodonScenario;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake Mastodon account driven through time in what only Mastodon does (edit histories); what every
 * platform does is {@link MastodonWatchContractTest}. Every scenario asserts the exact events the service raised.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class MastodonWatchScenarioTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private MastodonScenario scenario;

    @BeforeEach
    void newScenario() {
        scenario = new MastodonScenario(wireMock, clock);
    }

    @Test
    void editsBetweenTwoPollsAreAllArchivedFromTheHistory() {
        scenario.post(1, Duration.ofHours(1), "Version one");
        scenario.watch();
        scenario.poll();
        scenario.account.status(1).edit(scenario.now()).text("Version two");
        scenario.advance(Duration.ofSeconds(20));
        scenario.account.status(1).edit(scenario.now()).text("Version three");
        scenario.advance(Duration.ofSeconds(40));

        JsonPath summary = scenario.poll();

        assertEquals(2, summary.getInt("newVersions"));
        assertEquals(List.of("POST_EDITED"), scenario.eventTypes());
        JsonPath post = scenario.archived(1);
        assertEquals(
                List.of("Version one", "Version two", "Version three"), post.getList("versions.text", String.class));
        assertEquals(1, post.getInt("events[0].details.missedVersions"));
    }

    @Test
    void postFirstSeenAlreadyEditedKeepsEveryReportedVersionWithoutAlarm() {
        scenario.post(1, Duration.ofHours(2), "As published");
        scenario.account
                .status(1)
                .edit(scenario.now().minus(Duration.ofHours(1)))
                .text("As corrected");
        scenario.watch();

        scenario.poll();
        scenario.pollEvery(MINUTE, Duration.ofMinutes(2));

        assertEquals(List.of(), scenario.events());
        assertEquals(
                List.of("As published", "As corrected"), scenario.archived(1).getList("versions.text", String.class));
    }
}
