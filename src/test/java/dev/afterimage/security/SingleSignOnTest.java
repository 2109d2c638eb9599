package dev.afterimage.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on with an OpenID Connect provider (a fake one, see {@link FakeOidcProvider}): a console user goes to the
 * provider and back, and gets the role their groups map to; API tokens and the service's own logins keep working
 * beside it, and an API call without credentials still gets 401, not a redirect to the provider.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.WithProvider.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SingleSignOnTest {

    /** A secured service whose console users may also sign in with the organisation's provider. */
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new SecuredProfile().getConfigOverrides();
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOidcProvider.class));
        }
    }

    @Test
    void consoleUserSignsInAtTheProviderAndGetsTheRoleOfTheirGroup() {
        given().get("/console/login").then().statusCode(200).body(containsString("Sign in with single sign-on"));

        Response toProvider = given().redirects().follow(false).get("/console/sso");
        assertEquals(302, toProvider.statusCode(), toProvider.asString());
        URI authorize = URI.create(toProvider.header("Location"));
        assertTrue(
                authorize.getPath().endsWith(FakeOidcProvider.REALM + "/protocol/openid-connect/auth"),
                authorize.toString());
        Map<String, String> query = query(authorize);
        assertEquals(FakeOidcProvider.CLIENT_ID, query.get("client_id"));
        assertTrue(query.get("redirect_uri").endsWith("/console/sso/callback"), query.get("redirect_uri"));

        Response back = given().redirects()
                .follow(false)
                .cookies(toProvider.cookies())
                .queryParam("code", "code-from-the-provider")
                .queryParam("state", query.get("state"))
                .get(URI.create(query.get("redirect_uri")).getPath());
        assertEquals(302, back.statusCode(), back.asString());
        Map<String, String> session = back.cookies();
        assertTrue(session.keySet().stream().anyMatch(name -> name.startsWith("q_session")), session.toString());

        given().redirects()
                .follow(false)
                .cookies(session)
                .get("/console/sso")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console"));
        given().cookies(session).get("/console").then().statusCode(200);
        given().cookies(session).get("/api/accounts").then().statusCode(200);
        given().cookies(session).get("/api/tokens").then().statusCode(403);
    }

    @Test
    void tokensAndOwnLoginsWorkBesideItAndTheApiStillAnswers401() {
        given().get("/api/accounts").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("not-a-token")
                .get("/api/accounts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(EveryEndpointNeedsARoleTest.token("sso-beside", "viewer"))
                .get("/api/accounts")
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .get("/api/tokens")
                .then()
                .statusCode(200);
        given().redirects()
                .follow(false)
                .get("/console/accounts/new")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
