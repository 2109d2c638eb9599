package dev.afterimage.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.authentication.NoAuthScheme;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code afterimage.archive.public=true} on a service with users: a stranger reads the archive (lookups, Memento,
 * media, evidence packages and the key that signs them) without signing in, within a per-client budget; everything
 * else still needs a login.
 */
@QuarkusTest
@TestProfile(PublicArchiveModeTest.PublicArchive.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class PublicArchiveModeTest {

    static final int REQUESTS_PER_MINUTE = 30;

    /** The secured service, with its archive open to the public. */
    public static class PublicArchive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new SecuredProfile().getConfigOverrides());
            config.put("afterimage.archive.public", "true");
            config.put("afterimage.archive.public-requests-per-minute", String.valueOf(REQUESTS_PER_MINUTE));
            return config;
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @BeforeEach
    void freshBudget() {
        clock.advance(Duration.ofMinutes(2));
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.authentication = new NoAuthScheme();
    }

    @Test
    void strangerReadsTheArchiveButNothingElse() {
        RestAssured.authentication = RestAssured.preemptive().basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD);
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Open to the public").photo(scenario.picture("public-photo", 2017));
        scenario.watch();
        scenario.poll();
        JsonPath post = scenario.postByPlatformId(1);
        long id = post.getLong("post.id");
        String url = post.getString("post.url");
        String sha = post.getString("versions[0].media[0].sha256");
        assertNotNull(sha, "the photo was archived");
        clock.advance(Duration.ofMinutes(2));
        RestAssured.authentication = new NoAuthScheme();

        given().queryParam("url", url)
                .get("/archive")
                .then()
                .statusCode(200)
                .body(containsString("Open to the public"));
        given().get("/timemap/link/" + url).then().statusCode(200).body(containsString(url));
        given().get("/media/" + sha).then().statusCode(200).contentType("image/jpeg");
        given().header("X-Requested-With", "reader")
                .get("/api/posts/" + id + "/evidence.wacz")
                .then()
                .statusCode(200)
                .contentType("application/wacz");
        given().get("/api/evidence/key").then().statusCode(200).body(containsString("fingerprint"));

        given().get("/api/accounts").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/posts/" + id).then().statusCode(401);
        given().get("/api/webhooks").then().statusCode(401);
        given().contentType("application/json")
                .body("{\"url\":\"https://t.me/s/another\"}")
                .post("/api/accounts")
                .then()
                .statusCode(401);
        given().redirects()
                .follow(false)
                .get("/console/posts/" + id)
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
    }

    @Test
    void strangerReadingTooFastIsSlowedDownAndASignedInUserIsNot() {
        String nobody = "https://t.me/nobody/1";
        int admitted = 0;
        Response refused = null;
        for (int i = 0; i <= REQUESTS_PER_MINUTE && refused == null; i++) {
            Response response = given().queryParam("url", nobody).get("/archive");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                admitted++;
            }
        }
        assertNotNull(refused, "the budget ran out");
        assertEquals(REQUESTS_PER_MINUTE, admitted, "every request within the budget was served");
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "it says when to come back");
        given().get("/media/" + "0".repeat(64)).then().statusCode(429);

        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .queryParam("url", nobody)
                .get("/archive")
                .then()
                .statusCode(404);

        clock.advance(Duration.ofMinutes(1));
        assertTrue(
                given().queryParam("url", nobody).get("/archive").statusCode() != 429,
                "the budget comes back after a minute");
    }
}
