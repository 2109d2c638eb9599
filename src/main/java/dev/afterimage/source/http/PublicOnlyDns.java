package dev.afterimage.source.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Resolves names as {@code delegate} does but hands OkHttp only public addresses. OkHttp connects only to
 * what its {@link Dns} returns, so the check holds for every redirect hop and for a name whose answer changes
 * between our check and the connection (DNS rebinding). A name with some public addresses keeps those.
 */
final class PublicOnlyDns implements Dns {

    private final Dns delegate;
    private final Set<String> proxies;

    PublicOnlyDns(Dns delegate) {
        this(delegate, Set.of());
    }

    /** @param proxies the configured proxies' host names, which are resolved as they are */
    PublicOnlyDns(Dns delegate, Set<String> proxies) {
        this.delegate = delegate;
        this.proxies = Set.copyOf(proxies);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> all = delegate.lookup(hostname);
        if (proxies.contains(hostname.toLowerCase(Locale.ROOT))) {
            return all;
        }
        List<InetAddress> usable = all.stream()
                .filter(address -> !PrivateAddresses.isPrivate(address))
                .toList();
        if (usable.isEmpty()) {
            if (all.isEmpty()) {
                throw new UnknownHostException(hostname);
            }
            throw new Refused(hostname + " resolves to " + all.getFirst().getHostAddress() + ", which");
        }
        return usable;
    }

    /**
     * Refuses an IP-literal host with any non-public reading (octal, hex, short and 32-bit forms read as libc does),
     * which OkHttp may connect to without calling {@link #lookup}.
     */
    static void refuseIfPrivateLiteral(String host) throws UnknownHostException {
        Optional<InetAddress> reading = PrivateAddresses.privateReadingOf(host);
        if (reading.isPresent()) {
            throw new Refused(reading.get().getHostAddress());
        }
    }

    /**
     * Refuses a target reached through a proxy when its name resolves here to a non-public address: the proxy
     * resolves and connects, so neither {@link #lookup} nor the connected peer sees the target. A name that does not
     * resolve here (a firewall may leave the proxy as the only resolver) is left to the proxy.
     */
    static void refuseIfResolvesPrivately(Dns names, String host) throws UnknownHostException {
        List<InetAddress> addresses;
        try {
            addresses = names.lookup(host);
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress address : addresses) {
            if (PrivateAddresses.isPrivate(address)) {
                throw new Refused(host + " resolves to " + address.getHostAddress() + ", which");
            }
        }
    }

    /**
     * Refuses a connection made to a non-public address whatever led to it: checked on the socket's peer on every
     * hop, the last word after the literal and DNS checks. A connection through a proxy is to the proxy, which the
     * operator chose; its target was checked before the request.
     */
    static Response refuseIfConnectedPrivately(Interceptor.Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            InetAddress peer = connection.socket().getInetAddress();
            if (peer != null && PrivateAddresses.isPrivate(peer)) {
                throw new Refused(chain.request().url().host() + " connected to " + peer.getHostAddress() + ", which");
            }
        }
        return chain.proceed(chain.request());
    }

    /** A connection we will not make; the message is the whole reason, fit to show to an operator. */
    static final class Refused extends UnknownHostException {

        Refused(String subject) {
            super("refused: " + subject + " is a private or loopback address"
                    + " (set afterimage.fetch.allow-private-networks=true to allow)");
        }
    }
}
