package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's side of every {@link FakePlatform}, the same for all: the account watched, polled and read through
 * the public API by a {@link WatchApi}, time on the {@link MutableClock}, faults as WireMock stubs ahead of the fake's.
 * A platform's adapter adds what is its own: its fake, its paths, its words.
 */
public abstract class ApiWatchedPlatform implements FakePlatform {

    // Ahead of the fakes' own stubs (default priority 5), so a fault wins until it is healed.
    private static final int FAULT_PRIORITY = 1;

    /** Why the service reads every page of a platform again (only t.me's and feeds' are compared with the last). */
    protected static final String READS_EVERY_PAGE =
            "the service reads every answer of this platform again: its posts carry counters that move between"
                    + " requests, so comparing a page with the last reading would seldom spare anything";

    protected final WireMockServer wireMock;
    private final MutableClock clock;
    private WatchApi api;

    /** Starts a day after the previous scenario, so nothing an earlier one left (a host's back-off) lies ahead. */
    protected ApiWatchedPlatform(WireMockServer wireMock, MutableClock clock) {
        this.wireMock = wireMock;
        this.clock = clock;
        clock.advance(Duration.ofDays(1));
    }

    /** Publishes the fake's current state to WireMock. */
    protected abstract void install();

    /** The body of the request that adds the account ({@code url}, or {@code platform} and {@code handle}, ...). */
    protected abstract Map<String, ?> watchRequest();

    /** Where on the server this account's picture of this name is served. */
    protected abstract String picturePath(String name);

    /** Answers every request matching this ahead of the fake, until healed. */
    protected final Fault fault(MappingBuilder request, ResponseDefinitionBuilder answer) {
        StubMapping stub = wireMock.stubFor(request.atPriority(FAULT_PRIORITY).willReturn(answer));
        return () -> wireMock.removeStub(stub);
    }

    /** Answers every request for this path ahead of the fake, until healed. */
    protected final Fault fault(String path, ResponseDefinitionBuilder answer) {
        return fault(get(urlPathEqualTo(path)), answer);
    }

    /**
     * Every platform can do everything the contract asks, unless its adapter says otherwise; but the service reads
     * every page of most platforms again, their answers carrying counters that move between requests.
     */
    @Override
    public Optional<String> cannot(Capability capability) {
        return switch (capability) {
            case PAGING -> Optional.empty();
            case UNREAD_PAGES -> Optional.of(READS_EVERY_PAGE);
        };
    }

    @Override
    public String pastedUrl(String postId) {
        return postUrl(postId);
    }

    @Override
    public ResponseDefinitionBuilder tooManyRequests(Duration wait) {
        return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(wait.toSeconds()));
    }

    @Override
    public String picture(String name, long seed) {
        String path = picturePath(name);
        wireMock.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(Pictures.jpeg(seed, 800, 600, 0.9f))));
        return wireMock.baseUrl() + path;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public long watch() {
        api = new WatchApi(this::install);
        return api.watch(watchRequest());
    }

    @Override
    public JsonPath poll() {
        return api().poll();
    }

    @Override
    public List<JsonPath> pollEvery(Duration interval, Duration during) {
        return api().pollEvery(clock, interval, during);
    }

    @Override
    public List<Map<String, Object>> events() {
        return api().events();
    }

    @Override
    public List<String> eventTypes() {
        return api().eventTypes();
    }

    @Override
    public JsonPath archived(String postId) {
        return api().post(postId);
    }

    @Override
    public JsonPath account() {
        return api().account();
    }

    private WatchApi api() {
        if (api == null) {
            throw new IllegalStateException("watch() the account first");
        }
        return api;
    }
}
