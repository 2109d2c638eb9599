package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import java.util.regex.Pattern;

/**
 * Drives one fake Bluesky account through time against the running service, like {@link TelegramScenario}: the
 * fake's AppView answers and pictures on WireMock, polls and reads through the public API, time through the
 * {@link MutableClock}.
 */
public final class BlueskyScenario {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    public final FakeBluesky account;
    private final WireMockServer wireMock;
    private final MutableClock clock;
    private final WatchApi api;

    /** Starts a day after the previous scenario, so no back-off a previous one caused lies in this one's future. */
    public BlueskyScenario(WireMockServer wireMock, MutableClock clock) {
        this.wireMock = wireMock;
        this.clock = clock;
        clock.advance(Duration.ofDays(1));
        int number = ACCOUNTS.incrementAndGet();
        String unique = Long.toString(System.nanoTime() % 1_000_000, 36);
        this.account = new FakeBluesky("ministry-" + number + "-" + unique + ".bsky.social", did(number + unique));
        this.api = new WatchApi(this::publish);
    }

    /** A well-formed, made-up DID drawn from a seed unique to the account. */
    static String did(String seed) {
        StringBuilder did = new StringBuilder("did:plc:");
        for (int i = 0; did.length() < "did:plc:".length() + 24; i++) {
            did.append(BASE32.charAt(Math.floorMod(seed.charAt(i % seed.length()) * 31 + i * 7, 32)));
        }
        return did.toString();
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    public FakeBluesky.Post post(long id, Duration age, String text) {
        return account.post(id, now().minus(age), text);
    }

    /** Serves a picture on the fake CDN: the same seed is the same scene. */
    public String picture(String name, long seed) {
        String path = "/img/feed_fullsize/plain/" + account.did() + "/" + name + "@jpeg";
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return wireMock.baseUrl() + path;
    }

    /** Makes the service watch the account through its profile URL; returns the account id. */
    public long watch() {
        return api.watch(Map.of("url", "https://bsky.app/profile/" + account.handle(), "label", "Ministry"));
    }

    public long accountId() {
        return api.accountId();
    }

    /** Publishes the fake's current state without polling (what the stream-driven tests need). */
    public void publish() {
        account.install(wireMock);
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

    public JsonPath postById(long id) {
        return api.post(FakeBluesky.recordKey(id));
    }

    /** Makes this account's feed answer as given, ahead of the fake's stubs, until {@link #heal}. */
    public StubMapping faultFeed(ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed"))
                .withQueryParam("actor", matching(Pattern.quote(account.handle()) + "|" + Pattern.quote(account.did())))
                .atPriority(1)
                .willReturn(response));
    }

    /** Makes this account's profile answer as given (by handle and by DID), until {@link #heal}. */
    public StubMapping faultProfile(ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
                .withQueryParam("actor", matching(Pattern.quote(account.handle()) + "|" + Pattern.quote(account.did())))
                .atPriority(1)
                .willReturn(response));
    }

    /** Makes one post's thread view answer as given, until {@link #heal}. */
    public StubMapping faultThread(long id, ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPostThread"))
                .withQueryParam("uri", equalTo(account.atUri(id)))
                .atPriority(1)
                .willReturn(response));
    }

    public void heal(StubMapping fault) {
        wireMock.removeStub(fault);
    }
}
