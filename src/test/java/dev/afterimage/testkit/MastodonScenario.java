package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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
    private final WatchApi api;

    /** Starts a day after the previous scenario, so no host back-off left by another test lies in its future. */
    public MastodonScenario(WireMockServer wireMock, MutableClock clock) {
        this.wireMock = wireMock;
        this.clock = clock;
        clock.advance(Duration.ofDays(1));
        this.account = new FakeMastodon(
                "press_" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36),
                "social.gov.example");
        this.api = new WatchApi(() -> account.install(wireMock));
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
        return api.watch(Map.of("url", account.profileUrl(), "label", "Press office"));
    }

    public long accountId() {
        return api.accountId();
    }

    /** Publishes the fake's current state, then polls once through the API. */
    public JsonPath poll() {
        return api.poll();
    }

    public List<JsonPath> pollEvery(Duration interval, Duration during) {
        return api.pollEvery(clock, interval, during);
    }

    public List<Map<String, Object>> events() {
        return api.events();
    }

    public List<String> eventTypes() {
        return api.eventTypes();
    }

    /** The archived post of status {@code n} with its versions and events. */
    public JsonPath archived(long n) {
        return api.post(account.statusId(n));
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
