package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WebClientBackoffTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final WebClient client = new WebClient(FixedFetchConfig.forLocalServer(), clock);

    @TempDir
    Path directory;

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Test
    void retryAfterBlocksHostUntilItPasses() {
        server.stubFor(get("/feed").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        HttpOutcome.Received limited = assertInstanceOf(HttpOutcome.Received.class, client.get(url("/feed")));
        HttpOutcome.Failed blocked = assertInstanceOf(HttpOutcome.Failed.class, client.get(url("/other")));

        assertEquals(429, limited.status());
        assertEquals("rate limited: 127.0.0.1 asked us to wait until 2025-06-01T12:02:00Z", blocked.reason());
        server.verify(1, getRequestedFor(urlEqualTo("/feed")));
        server.verify(0, getRequestedFor(urlEqualTo("/other")));

        clock.advance(Duration.ofSeconds(120));
        client.get(url("/feed"));

        server.verify(2, getRequestedFor(urlEqualTo("/feed")));
    }

    @Test
    void retryAfterHttpDateBlocksHostUntilThatDate() {
        server.stubFor(get("/feed")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Sun, 01 Jun 2025 12:05:00 GMT")));

        assertInstanceOf(HttpOutcome.Received.class, client.get(url("/feed")));
        clock.advance(Duration.ofMinutes(4));
        assertInstanceOf(HttpOutcome.Failed.class, client.get(url("/feed")));
        server.verify(1, getRequestedFor(urlEqualTo("/feed")));

        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(HttpOutcome.Received.class, client.get(url("/feed")));
        server.verify(2, getRequestedFor(urlEqualTo("/feed")));
    }

    @Test
    void downloadFromBlockedHostFailsWithoutARequest() {
        server.stubFor(get("/feed").willReturn(aResponse().withStatus(429)));

        client.get(url("/feed"));
        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download(url("/a.jpg"), directory));

        assertEquals("rate limited: 127.0.0.1 asked us to wait until 2025-06-01T12:01:00Z", failed.reason());
        server.verify(0, getRequestedFor(urlEqualTo("/a.jpg")));
    }

    @Test
    void tooManyRequestsDuringDownloadBlocksTheHostToo() {
        server.stubFor(get("/a.jpg").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        DownloadOutcome.Failed first =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download(url("/a.jpg"), directory));
        DownloadOutcome.Failed second =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download(url("/a.jpg"), directory));

        assertEquals("HTTP 429 from " + url("/a.jpg"), first.reason());
        assertEquals("rate limited: 127.0.0.1 asked us to wait until 2025-06-01T12:00:30Z", second.reason());
        server.verify(1, getRequestedFor(urlEqualTo("/a.jpg")));
    }
}
