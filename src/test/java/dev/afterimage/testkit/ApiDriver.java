package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives one watched account of any API platform through the public API, with time on the {@link MutableClock} and
 * the platform's stand-in on WireMock: what {@link TelegramScenario} does for Telegram, without the fake itself.
 */
public final class ApiDriver {

    private final WireMockServer wireMock;
    private final MutableClock clock;
    private final String name;
    private final Runnable install;
    private long accountId;

    /**
     * Starts a day after the previous scenario, so nothing an earlier one left (a host's back-off) lies ahead.
     *
     * @param name unique per scenario; names the fake CDN's folder
     * @param install publishes the fake's current state to WireMock; run before every poll
     */
    public ApiDriver(WireMockServer wireMock, MutableClock clock, String name, Runnable install) {
        this.wireMock = wireMock;
        this.clock = clock;
        this.name = name;
        this.install = install;
        clock.advance(Duration.ofDays(1));
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Serves a picture on the fake CDN: the same seed is the same scene. */
    public String picture(String file, long seed) {
        String path = "/cdn/" + name + "/" + file + ".jpg";
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return wireMock.baseUrl() + path;
    }

    /** Watches the account named by its profile URL; returns the account id. */
    public long watch(String profileUrl) {
        install.run();
        accountId = ((Number) given().contentType(ContentType.JSON)
                        .body(Map.of("url", profileUrl, "label", name))
                        .when()
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        return accountId;
    }

    public long accountId() {
        return accountId;
    }

    /** Publishes the fake's current state, then polls once through the API. */
    public JsonPath poll() {
        install.run();
        return given().when()
                .post("/api/accounts/" + accountId + "/poll")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Polls every interval for the given time; returns the summaries. */
    public List<JsonPath> pollEvery(Duration interval, Duration during) {
        List<JsonPath> summaries = new ArrayList<>();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(during) < 0; elapsed = elapsed.plus(interval)) {
            advance(interval);
            summaries.add(poll());
        }
        return summaries;
    }

    /** Every event about this account so far, in id order. */
    public List<Map<String, Object>> events() {
        return given().when()
                .get("/api/events?account=" + accountId + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    public List<String> eventTypes() {
        return events().stream().map(event -> (String) event.get("type")).toList();
    }

    /** The archived post with this platform id, with its versions and events. */
    public JsonPath post(String platformPostId) {
        List<Map<String, Object>> posts = given().when()
                .get("/api/posts?account=" + accountId + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Object id = posts.stream()
                .filter(post -> platformPostId.equals(post.get("platformPostId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("post " + platformPostId + " is not archived"))
                .get("id");
        return given().when()
                .get("/api/posts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Makes every request to this path answer as given, ahead of the fake's own stubs, until {@link #heal}. */
    public StubMapping fault(String path, ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
    }

    public void heal(StubMapping fault) {
        wireMock.removeStub(fault);
    }
}
