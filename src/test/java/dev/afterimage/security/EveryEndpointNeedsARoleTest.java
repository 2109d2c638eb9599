package dev.afterimage.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every JAX-RS resource method of the service (found by reflection, so an endpoint added later is walked too)
 * and checks that it answers 401 (the console: the login page) without credentials and 403 to a token whose role is
 * too weak. Endpoints meant to be public are listed here by name, and only they may go without a role.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class EveryEndpointNeedsARoleTest {

    /**
     * Class.method of every endpoint anyone may call: the front door, signing in, and X's Activity API webhook (which
     * proves itself by X's signature, checked by the receiver).
     */
    private static final Set<String> PUBLIC = Set.of(
            "FrontDoor.enter",
            "LoginPages.loginPage",
            "LoginPages.login",
            "LoginPages.logout",
            "LoginPages.setupPage",
            "LoginPages.setup",
            "XActivityHook.challenge",
            "XActivityHook.deliver");

    private static String viewerToken;
    private static String editorToken;

    record Endpoint(Class<?> resource, Method method, String httpMethod, String path, List<String> roles) {

        String name() {
            return resource.getSimpleName() + "." + method.getName();
        }
    }

    /** Once per class, but after Quarkus has started (a static @BeforeAll runs before it listens). */
    @BeforeEach
    void createTokens() {
        if (viewerToken == null) {
            viewerToken = token("walker-viewer", "viewer");
            editorToken = token("walker-editor", "editor");
        }
    }

    @Test
    void everyResourceMethodNeedsARoleOrIsListedAsPublic() throws IOException {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() > 40, "found only " + endpoints.size() + " resource methods");
        for (Endpoint endpoint : endpoints) {
            if (PUBLIC.contains(endpoint.name())) {
                continue;
            }
            assertTrue(
                    !endpoint.roles().isEmpty(),
                    endpoint.name() + " has neither @RolesAllowed nor a place in the PUBLIC list");
        }
    }

    @Test
    void everyProtectedMethodRefusesStrangersAndTooWeakRoles() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.roles().isEmpty()) {
                continue;
            }
            int anonymous = call(endpoint, null).statusCode();
            int expected = endpoint.path().startsWith("/console") ? 303 : 401;
            if (anonymous != expected) {
                failures.add(endpoint + " without credentials: " + anonymous + ", expected " + expected);
            }
            if (!endpoint.roles().contains(Roles.VIEWER)) {
                int viewer = call(endpoint, viewerToken).statusCode();
                if (viewer != 403) {
                    failures.add(endpoint.name() + " as viewer: " + viewer + ", expected 403");
                }
            }
            if (!endpoint.roles().contains(Roles.VIEWER) && !endpoint.roles().contains(Roles.EDITOR)) {
                int editor = call(endpoint, editorToken).statusCode();
                if (editor != 403) {
                    failures.add(endpoint.name() + " as editor: " + editor + ", expected 403");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void unauthorisedApiAnswerIsProblemJson() {
        given().get("/api/accounts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth()
                .oauth2(viewerToken)
                .contentType("application/json")
                .body("{}")
                .post("/api/accounts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static Response call(Endpoint endpoint, String token) {
        RequestSpecification request = given().redirects().follow(false).header("X-Requested-With", "afterimage-test");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!endpoint.httpMethod().equals("GET") && !endpoint.httpMethod().equals("HEAD")) {
            if (consumes(endpoint, MediaType.MULTIPART_FORM_DATA)) {
                request = request.multiPart("csrf", "x");
            } else if (consumes(endpoint, MediaType.APPLICATION_FORM_URLENCODED)) {
                request =
                        request.contentType("application/x-www-form-urlencoded").formParam("csrf", "x");
            } else {
                request = request.contentType("application/json").body("{}");
            }
        }
        return request.request(endpoint.httpMethod(), endpoint.path());
    }

    private static boolean consumes(Endpoint endpoint, String mediaType) {
        Consumes consumes = Optional.ofNullable(endpoint.method().getAnnotation(Consumes.class))
                .orElse(endpoint.resource().getAnnotation(Consumes.class));
        return consumes != null && Arrays.asList(consumes.value()).contains(mediaType);
    }

    /** Every resource method in the service's compiled classes. */
    static List<Endpoint> endpoints() throws IOException {
        java.nio.file.Path classes = Paths.get("target/classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type == null || type.getAnnotation(Path.class) == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    httpMethod(method).ifPresent(verb -> endpoints.add(endpoint(type, method, verb)));
                }
            }
        }
        return endpoints;
    }

    private static Endpoint endpoint(Class<?> type, Method method, String verb) {
        String path = type.getAnnotation(Path.class).value();
        Path sub = method.getAnnotation(Path.class);
        if (sub != null) {
            path = path.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
        }
        path = path.replaceAll("\\{[^}]*}", "1");
        if (method.isAnnotationPresent(PermitAll.class)) {
            return new Endpoint(type, method, verb, path, List.of());
        }
        RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(type.getAnnotation(RolesAllowed.class));
        return new Endpoint(type, method, verb, path, roles == null ? List.of() : List.of(roles.value()));
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static String token(String name, String role) {
        return given().auth()
                .preemptive()
                .basic(SecuredProfile.ADMIN, SecuredProfile.PASSWORD)
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
