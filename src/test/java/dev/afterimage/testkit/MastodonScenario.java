package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one fake Mastodon account through time against the running service: the fake's API answers and media on
 * WireMock, polls and reads through the public API, time through the {@link MutableClock}.
 */
public final class MastodonScenario {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    public final FakeMastodon account;
    private final WireMockServer wireMock;
    private final MutableClock clock;
    private long accountId;

    /** Starts a day after the previous scenario, so no host back-off left by another test lies in its future. */
    public MastodonScenario(WireMockServer wireMock, MutableClock clock) {
        this.wireMock = wireMock;
        this.clock = clock;
        clock.advance(Duration.ofDays(1));
        this.account = new FakeMastodon(
                "press_" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36),
                "social.gov.example");
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Publishes status {@code n} dated {@code age} before now. */
    public FakeMastodon.FakeStatus post(long n, Duration age, String text) {
        return account.post(n, now().minus(age), text);
    }

    /** Serves a picture on the fake media host: the same seed is the same scene. */
    public String picture(String name, long seed) {
        String path = "/media/mastodon/" + account.username() + "/" + name + ".jpg";
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return wireMock.baseUrl() + path;
    }

    /** Makes the service watch the account by its profile URL; returns the account id. */
    public long watch() {
        account.install(wireMock);
        accountId = ((Number) given().contentType(ContentType.JSON)
                        .body(Map.of("url", account.profileUrl(), "label", "Press office"))
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
        account.install(wireMock);
        return given().when()
                .post("/api/accounts/" + accountId + "/poll")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public List<JsonPath> pollEvery(Duration interval, Duration during) {
        List<JsonPath> summaries = new java.util.ArrayList<>();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(during) < 0; elapsed = elapsed.plus(interval)) {
            advance(interval);
            summaries.add(poll());
        }
        return summaries;
    }

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

    /** The archived post of status {@code n} with its versions and events. */
    public JsonPath archived(long n) {
        String platformPostId = account.statusId(n);
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
                .orElseThrow(() -> new AssertionError("status " + n + " is not archived"))
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

    /** Makes this account's lookup answer as given (the lookup path is every account's, so the fault names it). */
    public StubMapping faultLookup(ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo(account.lookupPath()))
                .withQueryParam("acct", equalTo(account.username()))
                .atPriority(1)
                .willReturn(response));
    }

    public void heal(StubMapping fault) {
        wireMock.removeStub(fault);
    }
}
