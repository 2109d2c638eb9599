package dev.afterimage.alert;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.source.http.FetchConfig;
import dev.afterimage.source.http.PrivateAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs alerts may be sent to: http(s) only, and, unless {@code afterimage.fetch.allow-private-networks}, none
 * whose host resolves to a private, loopback or link-local address (this service must not be a way into the
 * network it runs in). Checked when an endpoint is saved; every send is checked again on the address actually
 * connected to, so a name re-pointed later (DNS rebinding) is refused then.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    /** The column's width, and far beyond any real endpoint. */
    private static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateNetworks;
    private final HostResolver resolver;

    @Inject
    public WebhookUrlPolicy(FetchConfig fetch) {
        this(fetch.allowPrivateNetworks(), InetAddress::getAllByName);
    }

    WebhookUrlPolicy(boolean allowPrivateNetworks, HostResolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /** How host names become addresses; a seam for tests. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The URL, checked; a 400 naming {@code url} otherwise. */
    public String check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "the endpoint URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidFieldException(
                    "url", "the endpoint URL must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "\"" + url + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidFieldException(
                    "url", "the endpoint must be an http(s) URL with a host, not \"" + url + "\"");
        }
        if (!allowPrivateNetworks) {
            PrivateAddresses.privateReadingOf(uri.getHost()).ifPresent(reading -> {
                throw new InvalidFieldException(
                        "url",
                        "the host " + uri.getHost() + " is the address " + reading.getHostAddress()
                                + ", which is not public (set afterimage.fetch.allow-private-networks=true to allow)");
            });
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(uri.getHost());
            } catch (UnknownHostException e) {
                throw new InvalidFieldException("url", "the host " + uri.getHost() + " does not resolve");
            }
            for (InetAddress address : addresses) {
                if (PrivateAddresses.isPrivate(address)) {
                    throw new InvalidFieldException(
                            "url",
                            "the host " + uri.getHost() + " resolves to " + address.getHostAddress()
                                    + ", a private, loopback or link-local address (set afterimage.fetch.allow-private-networks=true to allow)");
                }
            }
        }
        return uri.toString();
    }
}
