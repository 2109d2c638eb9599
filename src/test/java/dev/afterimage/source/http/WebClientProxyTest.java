package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.testkit.FixedFetchConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.Dns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a firewall: fetches and webhook deliveries go through the HTTP proxy, which may sit on the local network,
 * while the private-address policy still applies to each target. WireMock plays the proxy: it sees the target in the
 * request line.
 */
class WebClientProxyTest {

    @RegisterExtension
    static final WireMockExtension proxy = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @RegisterExtension
    static final WireMockExtension target = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** What this test's resolver answers: public names, and one that points into the office network. */
    private static final Dns NAMES = host -> switch (host) {
        case "archive.example", "hooks.example" -> List.of(address("93.184.216.34"));
        case "printer.office.example" -> List.of(address("10.1.2.3"));
        case "wiki.office.example" -> List.of(address("127.0.0.1"));
        case "127.0.0.1" -> List.of(address("127.0.0.1"));
        default -> throw new UnknownHostException(host);
    };

    @BeforeEach
    void answerAsTheTargetWould() {
        proxy.resetAll();
        proxy.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("through the proxy")));
        proxy.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void aPageIsFetchedThroughTheConfiguredProxyWhichMayBeLocal() {
        WebClient client = client(Optional.of("http://127.0.0.1:" + proxy.getPort()), Map.of());

        HttpOutcome.Received page =
                assertInstanceOf(HttpOutcome.Received.class, client.get("http://archive.example/s/mod_russia"));

        assertEquals("through the proxy", new String(page.body(), StandardCharsets.UTF_8));
        proxy.verify(getRequestedFor(urlEqualTo("/s/mod_russia")).withHeader("Host", equalTo("archive.example")));
        assertNull(page.exchange().ipAddress(), "the proxy's address is not the target's, so none is recorded");
    }

    @Test
    void aWebhookDeliveryGoesThroughTheProxyFromTheEnvironment() {
        WebClient client = client(Optional.empty(), Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.getPort()));

        HttpOutcome outcome = client.post(
                "http://hooks.example/afterimage",
                Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8),
                "application/json",
                Duration.ofSeconds(5),
                1024);

        assertEquals(204, assertInstanceOf(HttpOutcome.Received.class, outcome).status());
        proxy.verify(postRequestedFor(urlEqualTo("/afterimage")).withHeader("Host", equalTo("hooks.example")));
    }

    @Test
    void aHostOnNoProxyIsReachedDirectly() {
        target.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("direct")));
        FetchConfig config = new ProxiedFetchConfig(FixedFetchConfig.forLocalServer(), Optional.empty());
        WebClient client = new WebClient(
                config,
                Clock.systemUTC(),
                Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort(), "NO_PROXY", ".office.example"),
                NAMES,
                UnaryOperator.identity());

        HttpOutcome.Received page = assertInstanceOf(
                HttpOutcome.Received.class, client.get("http://wiki.office.example:" + target.getPort() + "/"));

        assertEquals("direct", new String(page.body(), StandardCharsets.UTF_8));
        proxy.verify(0, WireMock.anyRequestedFor(anyUrl()));
    }

    @Test
    void aPrivateTargetIsRefusedThoughTheProxyCouldReachIt() {
        WebClient client = client(Optional.of("http://127.0.0.1:" + proxy.getPort()), Map.of());

        HttpOutcome.Failed literal = assertInstanceOf(HttpOutcome.Failed.class, client.get("http://10.0.0.1/admin"));
        HttpOutcome.Failed named =
                assertInstanceOf(HttpOutcome.Failed.class, client.get("http://printer.office.example/"));

        assertTrue(literal.reason().startsWith("refused: 10.0.0.1 is a private"), literal.reason());
        assertTrue(named.reason().startsWith("refused: printer.office.example resolves to 10.1.2.3"), named.reason());
        proxy.verify(0, WireMock.anyRequestedFor(anyUrl()));
    }

    private static WebClient client(Optional<String> configured, Map<String, String> environment) {
        FixedFetchConfig base = FixedFetchConfig.forLocalServer().withAllowPrivateNetworks(false);
        FetchConfig config = new ProxiedFetchConfig(base, configured);
        return new WebClient(config, Clock.systemUTC(), environment, NAMES, UnaryOperator.identity());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
