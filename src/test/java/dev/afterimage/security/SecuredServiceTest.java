package dev.afterimage.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A service with users, as a stranger, a browser and a script meet it. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SecuredServiceTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL base;

    @Inject
    Tokens tokens;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @Test
    void bootstrapAdminFromConfigurationCanUseTheApi() {
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .get("/api/accounts")
                .then()
                .statusCode(200);
        assertTrue(audit.latest(1000).stream()
                .anyMatch(e -> e.kind.equals("user-created") && "bootstrap".equals(e.actor)));
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, "wrong-password-1")
                .get("/api/accounts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void singleSignOnIsOffUnlessConfigured() {
        given().get("/console/login").then().statusCode(200).body(not(containsString("single sign-on")));
        given().redirects()
                .follow(false)
                .get("/console/sso")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
    }

    @Test
    void metricsNeedAViewerAndHealthStaysOpenForProbes() {
        given().get("/q/metrics").then().statusCode(401);
        given().auth()
                .oauth2(EveryEndpointNeedsARoleTest.token("metrics-viewer", "viewer"))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("afterimage_"));
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void foreignHostIsRefusedEvenWhenTheBrowserCallsItSameOrigin() {
        for (String path : new String[] {"/api/accounts", "/console", "/archive?url=https://t.me/a/1"}) {
            given().header("Host", "evil.example:" + base.getPort())
                    .header("Sec-Fetch-Site", "same-origin")
                    .auth()
                    .preemptive()
                    .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                    .get(path)
                    .then()
                    .statusCode(421);
        }
        given().header("Host", "afterimage.example").get("/api/accounts").then().statusCode(401);
    }

    @Test
    void changeFromForeignOriginOrAsPlainFormIsRefused() {
        String token = EveryEndpointNeedsARoleTest.token("origin-editor", "editor");
        given().auth()
                .oauth2(token)
                .header("Origin", "https://evil.example")
                .contentType("application/json")
                .body("{}")
                .post("/api/accounts")
                .then()
                .statusCode(403);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("a", "b")
                .post("/api/accounts/1/poll")
                .then()
                .statusCode(403)
                .body("detail", containsString("plain form"));
        // An empty form a page posts names its Origin: refused even when that is ours and no Sec-Fetch-Site came.
        given().header("Origin", "http://localhost:" + base.getPort())
                .contentType("application/x-www-form-urlencoded")
                .post("/api/accounts/1/poll")
                .then()
                .statusCode(403);
    }

    @Test
    void consoleSendsStrangersToLoginAndLetsTheAdminIn() {
        given().redirects()
                .follow(false)
                .get("/console/accounts/new")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login?then="));
        Response login = login(SecuredProfile.ADMIN, SecuredProfile.PASSWORD);
        assertEquals(303, login.statusCode());
        String session = login.getCookie(Sessions.COOKIE);
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        given().cookie(Sessions.COOKIE, session)
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("Sign out " + SecuredProfile.ADMIN));
        given().cookie(Sessions.COOKIE, session)
                .get("/console/audit")
                .then()
                .statusCode(200)
                .body(containsString("login"));
        // A session is ambient: an expensive read needs what a foreign page cannot send.
        given().cookie(Sessions.COOKIE, session).get("/api/verify").then().statusCode(403);
        given().cookie(Sessions.COOKIE, session)
                .header("X-Requested-With", "fetch")
                .get("/api/verify")
                .then()
                .statusCode(200);
    }

    @Test
    void tokenIsShownOnceStoredHashedAndRevocable() {
        Response created = given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .contentType("application/json")
                .body("{\"name\":\"ci\",\"role\":\"viewer\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}")
                .post("/api/tokens");
        assertEquals(201, created.statusCode());
        String secret = created.path("token");
        long id = ((Number) created.path("id")).longValue();
        assertTrue(secret.startsWith(Tokens.PREFIX));

        ApiToken stored =
                tokens.list().stream().filter(t -> t.id == id).findFirst().orElseThrow();
        assertNotEquals(secret, stored.secretHash);
        assertEquals(Secrets.sha256(secret), stored.secretHash);
        assertFalse(stored.secretHash.contains(secret));

        given().auth().oauth2(secret).get("/api/posts").then().statusCode(200);
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.token", nullValue())
                .body("find { it.id == " + id + " }.lastUsedAt", not(nullValue()));
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .delete("/api/tokens/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(secret).get("/api/posts").then().statusCode(401);
        assertTrue(audit.latest(1000).stream().anyMatch(e -> e.kind.equals("token-revoked")));
    }

    @Test
    void bruteForceLoginIsSlowedEvenForTheRightPassword() {
        users.create("alice", "alice-password-long", Role.VIEWER, "test", "test");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertEquals(401, login("alice", "guess-" + attempt).statusCode());
        }
        Response throttled = login("alice", "alice-password-long");
        assertEquals(429, throttled.statusCode());
        assertTrue(Integer.parseInt(throttled.getHeader("Retry-After")) >= 1);
        given().get("/api/accounts").then().statusCode(401);
        assertTrue(
                audit.latest(1000).stream().anyMatch(e -> e.kind.equals("login-throttled") && "alice".equals(e.actor)));
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .get("/api/tokens")
                .then()
                .body("name", not(hasItem("alice")));
    }

    @Test
    void firstAdminCannotBeCreatedOnceUsersExist() {
        given().get("/console/setup").then().statusCode(404);
    }

    private static Response login(String name, String password) {
        Response page = given().get("/console/login");
        String cookie = page.getCookie("afterimage-csrf");
        Matcher field = CSRF.matcher(page.asString());
        assertTrue(field.find(), "the login page has a CSRF field");
        return given().redirects()
                .follow(false)
                .cookie("afterimage-csrf", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", field.group(1))
                .formParam("name", name)
                .formParam("password", password)
                .formParam("then", "/console")
                .post("/console/login");
    }
}
