package dev.afterimage.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The case behind Afterimage: on 14 November 2017 a ministry posted "irrefutable evidence" with four images, which
 * were screenshots from a video game, and deleted the post about an hour later. Watched every 60 s, the deletion
 * must be known within two minutes and the post, with all four images, must stay retrievable.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class Evidence2017ScenarioTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void postWithFourPhotosDeleted57MinutesLaterIsReportedWithinTwoMinutesAndStaysRetrievable() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofDays(1), "Daily briefing");
        scenario.watch();
        scenario.poll();

        Instant published = scenario.now();
        scenario.post(2, Duration.ZERO, "Irrefutable evidence of support to the terrorists")
                .photo(scenario.picture("evidence-1", 2017_1))
                .photo(scenario.picture("evidence-2", 2017_2))
                .photo(scenario.picture("evidence-3", 2017_3))
                .photo(scenario.picture("evidence-4", 2017_4));
        Instant deletedAt = published.plus(Duration.ofMinutes(57)).plusSeconds(25);
        Instant reportedAt = null;
        boolean deleted = false;
        while (reportedAt == null && scenario.now().isBefore(deletedAt.plus(Duration.ofMinutes(5)))) {
            scenario.advance(Duration.ofSeconds(60));
            if (!deleted && !scenario.now().isBefore(deletedAt)) {
                scenario.channel.delete(2);
                deleted = true;
            }
            scenario.poll();
            if (scenario.eventTypes().contains("POST_DELETED")) {
                reportedAt = scenario.now();
            }
        }

        assertEquals(List.of("POST_DELETED"), scenario.eventTypes());
        assertTrue(
                Duration.between(deletedAt, reportedAt).compareTo(Duration.ofMinutes(2)) <= 0,
                "deleted at " + deletedAt + ", reported at " + reportedAt);
        Map<String, Object> event = scenario.events().getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) event.get("details");
        assertEquals("57 min to 58 min", details.get("lived"));
        assertEquals(4, ((List<?>) details.get("media")).size());

        JsonPath post = scenario.postByPlatformId(2);
        assertEquals("DELETED", post.getString("post.state"));
        assertEquals("Irrefutable evidence of support to the terrorists", post.getString("versions[0].text"));
        List<String> hashes = post.getList("versions[0].media.sha256");
        assertEquals(4, hashes.size());
        for (String sha : hashes) {
            byte[] bytes = given().get("/media/" + sha)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertEquals(sha, Sha256.of(bytes));
        }
        assertEquals(4, hashes.stream().distinct().count());
    }
}
