package dev.afterimage.web;

import dev.afterimage.InstanceConfig;
import dev.afterimage.security.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names this service answers to: loopback names on its own port, {@code afterimage.public-url}'s host, and
 * {@code afterimage.security.allowed-hosts}. A page on another name that a browser reaches through DNS rebinding is
 * "same-origin" to the browser but names a foreign Host, and is refused on it.
 */
@ApplicationScoped
public class OwnHosts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String publicHost;
    private final List<String> allowed;

    OwnHosts(InstanceConfig instance, SecurityConfig security) {
        this.publicHost = lower(URI.create(instance.publicUrl()).getHost());
        this.allowed = security.allowedHosts().orElse(List.of()).stream()
                .map(String::strip)
                .map(OwnHosts::lower)
                .toList();
    }

    /**
     * Whether a Host header (or an Origin's authority) names this service.
     *
     * @param authority {@code host[:port]}
     * @param defaultPort the port a missing one stands for (80 or 443 by scheme)
     * @param localPort the port the request arrived on
     */
    public boolean own(String authority, int defaultPort, int localPort) {
        if (authority == null || authority.isBlank()) {
            return false;
        }
        String value = lower(authority.strip());
        String host = value;
        int port = defaultPort;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && colon > value.lastIndexOf(']')) {
            host = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (LOOPBACK.contains(host) || host.endsWith(".localhost")) {
            return port == localPort;
        }
        if (host.equals(publicHost)) {
            return true;
        }
        return allowed.contains(host) || allowed.contains(host + ":" + port);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
