package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.testkit.FixedFetchConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** WireMock listens on loopback, so with private networks disallowed every request to it must be refused. */
class WebClientAddressGuardTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String HINT = " (set afterimage.fetch.allow-private-networks=true to allow)";

    private final WebClient guarded =
            new WebClient(FixedFetchConfig.forLocalServer().withAllowPrivateNetworks(false), Clock.systemUTC());

    @TempDir
    Path directory;

    @BeforeEach
    void answerEverything() {
        server.resetAll();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("inside")));
    }

    private static void assertNothingReachedTheServer() {
        server.verify(0, WireMock.anyRequestedFor(anyUrl()));
    }

    @Test
    void loopbackAddressIsRefusedWhenPrivateNetworksAreDisallowed() {
        HttpOutcome.Failed failed =
                assertInstanceOf(HttpOutcome.Failed.class, guarded.get("http://127.0.0.1:" + server.getPort() + "/"));

        assertEquals("refused: 127.0.0.1 is a private or loopback address" + HINT, failed.reason());
        assertNothingReachedTheServer();
    }

    @Test
    void nameResolvingToLoopbackIsRefused() {
        HttpOutcome.Failed failed =
                assertInstanceOf(HttpOutcome.Failed.class, guarded.get("http://localhost:" + server.getPort() + "/"));

        // Whether localhost answers ::1 or 127.0.0.1 first depends on the machine; both are refused.
        assertTrue(failed.reason().startsWith("refused: localhost resolves to "), failed.reason());
        assertTrue(failed.reason().endsWith(", which is a private or loopback address" + HINT), failed.reason());
        assertNothingReachedTheServer();
    }

    @Test
    void shorthandLoopbackLiteralIsRefused() {
        HttpOutcome.Failed failed =
                assertInstanceOf(HttpOutcome.Failed.class, guarded.get("http://127.1:" + server.getPort() + "/"));

        assertEquals("refused: 127.0.0.1 is a private or loopback address" + HINT, failed.reason());
        assertNothingReachedTheServer();
    }

    @Test
    void downloadFromLoopbackIsRefused() {
        String url = "http://127.0.0.1:" + server.getPort() + "/a.jpg";

        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, guarded.download(url, directory));

        assertEquals("refused: 127.0.0.1 is a private or loopback address" + HINT, failed.reason());
        assertNothingReachedTheServer();
    }

    @Test
    void loopbackAddressIsReachedWhenPrivateNetworksAreAllowed() {
        WebClient open = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());

        HttpOutcome.Received page =
                assertInstanceOf(HttpOutcome.Received.class, open.get("http://127.0.0.1:" + server.getPort() + "/"));

        assertEquals(200, page.status());
    }
}
