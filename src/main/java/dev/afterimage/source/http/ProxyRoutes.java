package dev.afterimage.source.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * Which requests go through an HTTP proxy, as {@code afterimage.fetch.proxy} and {@code afterimage.fetch.no-proxy}
 * say, or else the conventional {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} variables (either
 * case). Loopback targets are never proxied, as Go and most tools do; {@code afterimage.fetch.proxy=direct} turns
 * proxies off whatever the environment says.
 */
final class ProxyRoutes extends ProxySelector {

    /** A proxy to send requests through, with the credentials it asks for, if any. */
    record Endpoint(String host, int port, Optional<String> credentials, String source) {

        Proxy proxy() {
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        }
    }

    private static final String DIRECT = "direct";

    private final Optional<Endpoint> https;
    private final Optional<Endpoint> http;
    private final List<String> bypass;

    private ProxyRoutes(Optional<Endpoint> https, Optional<Endpoint> http, List<String> bypass) {
        this.https = https;
        this.http = http;
        this.bypass = bypass;
    }

    /**
     * @param configured {@code afterimage.fetch.proxy}
     * @param configuredBypass {@code afterimage.fetch.no-proxy}
     * @param environment the process's environment variables
     * @throws IllegalArgumentException naming the setting when a proxy value is not an http proxy's address
     */
    static ProxyRoutes of(
            Optional<String> configured, Optional<String> configuredBypass, Map<String, String> environment) {
        String bypass = configuredBypass.orElseGet(
                () -> variable(environment, "NO_PROXY").orElse(""));
        if (configured.isPresent()) {
            if (configured.get().strip().equalsIgnoreCase(DIRECT)) {
                return new ProxyRoutes(Optional.empty(), Optional.empty(), List.of());
            }
            Endpoint proxy = endpoint(configured.get(), "afterimage.fetch.proxy");
            return new ProxyRoutes(Optional.of(proxy), Optional.of(proxy), entries(bypass));
        }
        Optional<Endpoint> https = variable(environment, "HTTPS_PROXY").map(value -> endpoint(value, "HTTPS_PROXY"));
        Optional<Endpoint> http = variable(environment, "HTTP_PROXY").map(value -> endpoint(value, "HTTP_PROXY"));
        return new ProxyRoutes(https, http, entries(bypass));
    }

    /** The proxy a request to this URL goes through, if any. */
    Optional<Endpoint> forTarget(HttpUrl url) {
        if (bypassed(url.host())) {
            return Optional.empty();
        }
        return url.isHttps() ? https : http;
    }

    /** The proxies' own host names: resolved and connected to whatever the private-address policy says of targets. */
    Set<String> proxyHosts() {
        return Stream.concat(https.stream(), http.stream())
                .map(Endpoint::host)
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Answers a proxy's 407 with the credentials its URL carried; none when it carried none. */
    Authenticator authenticator() {
        return (route, response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            Optional<String> credentials = forTarget(response.request().url()).flatMap(Endpoint::credentials);
            return credentials
                    .map(value -> response.request()
                            .newBuilder()
                            .header("Proxy-Authorization", value)
                            .build())
                    .orElse(null);
        };
    }

    @Override
    public List<Proxy> select(URI uri) {
        HttpUrl url =
                HttpUrl.get(uri.toString().replaceFirst("^(?i)wss", "https").replaceFirst("^(?i)ws", "http"));
        return List.of(forTarget(url).map(Endpoint::proxy).orElse(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // The call fails with the reason and is reported as unknown; there is no other proxy to fall back to.
    }

    private boolean bypassed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")
                || name.endsWith(".localhost")
                || LiteralHosts.readings(name).stream().anyMatch(InetAddress::isLoopbackAddress)) {
            return true;
        }
        for (String entry : bypass) {
            if (entry.equals("*") || name.equals(entry) || name.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    /** NO_PROXY's entries as curl reads them: comma or space separated, a leading dot or "*." and a port ignored. */
    private static List<String> entries(String list) {
        return Arrays.stream(list.split("[,\\s]+"))
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                .map(entry -> entry.replaceFirst("^\\*?\\.", ""))
                .map(entry -> entry.startsWith("[") ? entry.replaceFirst("^\\[(.*)](:\\d+)?$", "$1") : entry)
                .map(entry -> entry.matches("[^:]+:\\d+") ? entry.substring(0, entry.lastIndexOf(':')) : entry)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Stream.of(name, name.toLowerCase(Locale.ROOT))
                .map(environment::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    private static Endpoint endpoint(String value, String setting) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        HttpUrl url = HttpUrl.parse(withScheme);
        if (url == null || !withScheme.regionMatches(true, 0, "http://", 0, 7)) {
            throw new IllegalArgumentException(setting + " must be an http proxy's address such as"
                    + " http://proxy.example:3128 (https:// and socks proxies are not supported), not \"" + value
                    + "\"");
        }
        Optional<String> credentials = url.username().isEmpty()
                ? Optional.empty()
                : Optional.of(Credentials.basic(url.username(), url.password()));
        return new Endpoint(url.host(), url.port(), credentials, setting);
    }
}
