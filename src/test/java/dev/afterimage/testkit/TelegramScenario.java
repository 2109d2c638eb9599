package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one fake channel through time against the running service: the fake's pages and media on WireMock, polls
 * and reads through the public API, time through the {@link MutableClock}.
 */
public final class TelegramScenario {

    private static final AtomicInteger CHANNELS = new AtomicInteger();

    public final FakeTelegram channel;
    private final WireMockServer wireMock;
    private final MutableClock clock;
    private final WatchApi api;

    /**
     * Starts a scenario a day after the previous one: the clock only moves forward, so nothing a previous scenario
     * left (such as a host's back-off) lies in this one's future.
     */
    public TelegramScenario(WireMockServer wireMock, MutableClock clock) {
        this.wireMock = wireMock;
        this.clock = clock;
        clock.advance(Duration.ofDays(1));
        this.channel = new FakeTelegram(
                "scenario_" + CHANNELS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36),
                "Ministry");
        this.api = new WatchApi(() -> channel.install(wireMock));
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Publishes a post dated {@code age} before now. */
    public FakeMessage post(long id, Duration age, String text) {
        return channel.post(id, now().minus(age), text);
    }

    /** Serves a picture at a URL of the fake CDN: the same seed is the same scene, another quality a re-encode. */
    public String picture(String name, long seed, float quality) {
        String path = "/cdn/" + channel.channel() + "/" + name + ".jpg";
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, quality))));
        return wireMock.baseUrl() + path;
    }

    /** Serves these bytes as a JPEG at a URL of the fake CDN, e.g. a disguised copy of another picture. */
    public String picture(String name, byte[] jpeg) {
        String path = "/cdn/" + channel.channel() + "/" + name + ".jpg";
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        return wireMock.baseUrl() + path;
    }

    public String picture(String name, long seed) {
        return picture(name, seed, 0.9f);
    }

    /** Makes the service watch the channel; returns the account id. */
    public long watch() {
        return watch(Map.of());
    }

    /** Makes the service watch the channel as one of a publisher's accounts; returns the account id. */
    public long watchInGroup(String group) {
        return watch(Map.of("group", group));
    }

    private long watch(Map<String, String> extra) {
        Map<String, String> request = new HashMap<>(extra);
        request.put("url", "https://t.me/" + channel.channel());
        request.put("label", "Ministry");
        return api.watch(request);
    }

    public long accountId() {
        return api.accountId();
    }

    /** Publishes the fake's current state, then polls once through the API. */
    public JsonPath poll() {
        return api.poll();
    }

    /** Polls every interval for the given time; returns the summaries. */
    public List<JsonPath> pollEvery(Duration interval, Duration during) {
        return api.pollEvery(clock, interval, during);
    }

    /** Every event about this account so far, in id order. */
    public List<Map<String, Object>> events() {
        return api.events();
    }

    public List<String> eventTypes() {
        return api.eventTypes();
    }

    public JsonPath postByPlatformId(long platformPostId) {
        return api.post(String.valueOf(platformPostId));
    }

    /** Makes every request to this path answer as given, ahead of the fake's own stubs, until {@link #heal}. */
    public StubMapping fault(String path, ResponseDefinitionBuilder response) {
        return wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
    }

    public void heal(StubMapping fault) {
        wireMock.removeStub(fault);
    }

    public String listingPath() {
        return "/s/" + channel.channel();
    }

    public String embedPath(long id) {
        return "/" + channel.channel() + "/" + id;
    }
}
