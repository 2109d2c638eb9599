package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Which requests go through which proxy, from the settings or the conventional environment variables. */
class ProxyRoutesTest {

    private static final HttpUrl PAGE = HttpUrl.get("https://t.me/s/mod_russia");
    private static final HttpUrl PLAIN = HttpUrl.get("http://feeds.example/rss");

    @Test
    void theConfiguredProxyTakesEveryRequestButTheBypassedHosts() {
        ProxyRoutes routes = ProxyRoutes.of(
                Optional.of("http://proxy.newsroom.example:3128"),
                Optional.of(".internal.example, feeds.example:80"),
                Map.of("HTTPS_PROXY", "http://ignored.example:8080"));

        assertEquals(
                "proxy.newsroom.example", routes.forTarget(PAGE).orElseThrow().host());
        assertEquals(3128, routes.forTarget(PAGE).orElseThrow().port());
        assertEquals(Optional.empty(), routes.forTarget(PLAIN));
        assertEquals(Optional.empty(), routes.forTarget(HttpUrl.get("https://wiki.internal.example/")));
        assertEquals(Optional.empty(), routes.forTarget(HttpUrl.get("https://internal.example/")));
        assertTrue(routes.forTarget(HttpUrl.get("https://notinternal.example/")).isPresent());
    }

    @Test
    void withoutSettingsTheEnvironmentDecidesPerScheme() {
        ProxyRoutes routes = ProxyRoutes.of(
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "https_proxy",
                        "secure.example:443",
                        "HTTP_PROXY",
                        "http://plain.example:3128",
                        "NO_PROXY",
                        "t.me"));

        assertEquals(Optional.empty(), routes.forTarget(PAGE));
        assertEquals("plain.example", routes.forTarget(PLAIN).orElseThrow().host());
        assertEquals(
                "secure.example",
                routes.forTarget(HttpUrl.get("https://bsky.app/")).orElseThrow().host());
    }

    @Test
    void loopbackIsNeverProxiedAndDirectTurnsProxiesOff() {
        ProxyRoutes everything = ProxyRoutes.of(Optional.of("proxy.example:3128"), Optional.empty(), Map.of());
        assertEquals(Optional.empty(), everything.forTarget(HttpUrl.get("http://localhost:8080/")));
        assertEquals(Optional.empty(), everything.forTarget(HttpUrl.get("http://127.0.0.1:8080/")));
        assertEquals(Optional.empty(), everything.forTarget(HttpUrl.get("http://[::1]:8080/")));

        ProxyRoutes direct =
                ProxyRoutes.of(Optional.of("direct"), Optional.empty(), Map.of("HTTPS_PROXY", "proxy.example:3128"));
        assertEquals(Optional.empty(), direct.forTarget(PAGE));
        ProxyRoutes star = ProxyRoutes.of(
                Optional.empty(), Optional.empty(), Map.of("HTTPS_PROXY", "proxy.example:3128", "no_proxy", "*"));
        assertEquals(Optional.empty(), star.forTarget(PAGE));
    }

    @Test
    void credentialsInTheProxyUrlAreSentAsBasicAuthentication() {
        ProxyRoutes routes =
                ProxyRoutes.of(Optional.of("http://desk:s%40cret@proxy.example:3128"), Optional.empty(), Map.of());

        assertEquals(
                "Basic ZGVzazpzQGNyZXQ=",
                routes.forTarget(PAGE).orElseThrow().credentials().orElseThrow());
    }

    @Test
    void aValueThatIsNoHttpProxyIsRefusedNamingTheSetting() {
        IllegalArgumentException configured = assertThrows(
                IllegalArgumentException.class,
                () -> ProxyRoutes.of(Optional.of("socks5://proxy.example:1080"), Optional.empty(), Map.of()));
        assertTrue(configured.getMessage().startsWith("afterimage.fetch.proxy must be an http proxy's address"));
        IllegalArgumentException environment = assertThrows(
                IllegalArgumentException.class,
                () -> ProxyRoutes.of(Optional.empty(), Optional.empty(), Map.of("HTTPS_PROXY", "http://")));
        assertTrue(environment.getMessage().startsWith("HTTPS_PROXY must be"), environment.getMessage());
    }
}
