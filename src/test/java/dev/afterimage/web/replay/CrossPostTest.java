package dev.afterimage.web.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One ministry, two channels, one statement: each archived copy links the other, and nothing outside the group. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class CrossPostTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void theSameTextInOneGroupIsListedAsCrossPostedAndOtherTextsAndGroupsAreNot() {
        String group = "Ministry " + UUID.randomUUID();
        TelegramScenario english = new TelegramScenario(wireMock, clock);
        english.post(1, Duration.ofMinutes(30), "Irrefutable  evidence of the convoy\u00a0");
        english.post(2, Duration.ofMinutes(20), "Only in English");
        english.watchInGroup(group);
        english.poll();
        TelegramScenario mirror = new TelegramScenario(wireMock, clock);
        mirror.post(5, Duration.ofMinutes(25), "Irrefutable  evidence of the convoy");
        mirror.watchInGroup(group);
        mirror.poll();
        TelegramScenario outsider = new TelegramScenario(wireMock, clock);
        outsider.post(9, Duration.ofMinutes(25), "Irrefutable  evidence of the convoy");
        outsider.watch();
        outsider.poll();

        String englishPost = "https://t.me/" + english.channel.channel() + "/1";
        String mirrorPost = "https://t.me/" + mirror.channel.channel() + "/5";
        given().accept("text/html")
                .queryParam("url", englishPost)
                .get("/archive")
                .then()
                .statusCode(200)
                .body(containsString("Cross-posted as"))
                .body(containsString(mirrorPost))
                .body(not(containsString(outsider.channel.channel())));
        given().accept("text/html")
                .queryParam("url", mirrorPost)
                .get("/archive")
                .then()
                .statusCode(200)
                .body(containsString(englishPost));
        given().accept("text/html")
                .queryParam("url", "https://t.me/" + english.channel.channel() + "/2")
                .get("/archive")
                .then()
                .statusCode(200)
                .body(not(containsString("Cross-posted as")));
    }
}
