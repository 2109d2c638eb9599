package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.testkit.FixedFetchConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebClientPageTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final WebClient client = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Test
    void okPageComesBackWithStatusHeadersAndBody() {
        server.stubFor(get("/post/1")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withHeader("X-Post-Id", "1")
                        .withBody("<p>hello</p>")));

        HttpOutcome.Received page = assertInstanceOf(HttpOutcome.Received.class, client.get(url("/post/1")));

        assertEquals(url("/post/1"), page.url());
        assertEquals(200, page.status());
        assertTrue(page.isSuccessful());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals("1", page.header("X-Post-Id"));
        assertArrayEquals("<p>hello</p>".getBytes(StandardCharsets.UTF_8), page.body());
    }

    @Test
    void configuredUserAgentIsSent() {
        server.stubFor(get("/").willReturn(aResponse().withStatus(204)));

        client.get(url("/"));

        server.verify(getRequestedFor(urlEqualTo("/")).withHeader("User-Agent", equalTo(FixedFetchConfig.USER_AGENT)));
    }

    @Test
    void redirectIsReturnedNotFollowed() {
        server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
        server.stubFor(get("/new").willReturn(aResponse().withStatus(200)));

        HttpOutcome.Received page = assertInstanceOf(HttpOutcome.Received.class, client.get(url("/old")));

        assertEquals(302, page.status());
        assertTrue(page.isRedirect());
        assertEquals("/new", page.header("Location"));
        server.verify(0, getRequestedFor(urlEqualTo("/new")));
    }

    @Test
    void errorStatusIsReceivedWithItsBody() {
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("no such post")));

        HttpOutcome.Received page = assertInstanceOf(HttpOutcome.Received.class, client.get(url("/gone")));

        assertEquals(404, page.status());
        assertArrayEquals("no such post".getBytes(StandardCharsets.UTF_8), page.body());
    }

    @Test
    void pageOverSizeLimitFails() {
        WebClient small = new WebClient(FixedFetchConfig.forLocalServer().withMaxPageBytes(1000), Clock.systemUTC());
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(new byte[1001])));

        HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, small.get(url("/big")));

        assertTrue(failed.reason().contains("1000 bytes (afterimage.fetch.max-page-bytes)"), failed.reason());
    }

    @Test
    void pageWithoutContentLengthIsStoppedAtSizeLimit() {
        WebClient small = new WebClient(FixedFetchConfig.forLocalServer().withMaxPageBytes(1000), Clock.systemUTC());
        server.stubFor(get("/chunked")
                .willReturn(aResponse().withStatus(200).withBody(new byte[5000]).withChunkedDribbleDelay(5, 50)));

        HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, small.get(url("/chunked")));

        assertTrue(failed.reason().contains("max-page-bytes"), failed.reason());
    }

    @Test
    void pageExactlyAtSizeLimitIsReceived() {
        WebClient small = new WebClient(FixedFetchConfig.forLocalServer().withMaxPageBytes(1000), Clock.systemUTC());
        server.stubFor(get("/fits").willReturn(aResponse().withStatus(200).withBody(new byte[1000])));

        HttpOutcome.Received page = assertInstanceOf(HttpOutcome.Received.class, small.get(url("/fits")));

        assertEquals(1000, page.body().length);
    }

    @Test
    void silentServerFailsWithReadTimeout() {
        WebClient impatient = new WebClient(
                FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofMillis(200)), Clock.systemUTC());
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(2000)));

        HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, impatient.get(url("/slow")));

        assertTrue(failed.reason().startsWith("read timeout after 200ms"), failed.reason());
    }

    @Test
    void refusedConnectionFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        HttpOutcome.Failed failed =
                assertInstanceOf(HttpOutcome.Failed.class, client.get("http://127.0.0.1:" + closedPort + "/"));

        assertTrue(failed.reason().startsWith("could not connect to 127.0.0.1:" + closedPort), failed.reason());
        assertTrue(failed.reason().toLowerCase(Locale.ROOT).contains("connection refused"), failed.reason());
    }

    @Test
    void malformedUrlFails() {
        HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, client.get("http//no-colon"));

        assertEquals("malformed URL: http//no-colon", failed.reason());
    }

    @Test
    void nonHttpSchemeFails() {
        HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, client.get("file:///etc/passwd"));

        assertEquals("unsupported scheme 'file': only http and https URLs are fetched", failed.reason());
    }
}
