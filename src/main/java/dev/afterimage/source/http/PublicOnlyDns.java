package dev.afterimage.source.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * Resolves names as {@code delegate} does but hands OkHttp only public addresses. OkHttp connects only to
 * what its {@link Dns} returns, so the check holds for every redirect hop and for a name whose answer changes
 * between our check and the connection (DNS rebinding). A name with some public addresses keeps those.
 */
final class PublicOnlyDns implements Dns {

    /** OkHttp's own test for a host it connects to without asking the {@link Dns}; kept identical on purpose. */
    private static final Pattern IP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private final Dns delegate;

    PublicOnlyDns(Dns delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> all = delegate.lookup(hostname);
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

    /** Refuses a private IP-literal host, which OkHttp connects to without calling {@link #lookup}. */
    static void refuseIfPrivateLiteral(String host) throws UnknownHostException {
        if (!IP_LITERAL.matcher(host).matches()) {
            return;
        }
        // Parsed the way OkHttp parses it, so "127.1" or "2130706433" is seen as the loopback address it is.
        InetAddress address = InetAddress.getByName(host);
        if (PrivateAddresses.isPrivate(address)) {
            throw new Refused(address.getHostAddress());
        }
    }

    /** A connection we will not make; the message is the whole reason, fit to show to an operator. */
    static final class Refused extends UnknownHostException {

        Refused(String subject) {
            super("refused: " + subject + " is a private or loopback address"
                    + " (set afterimage.fetch.allow-private-networks=true to allow)");
        }
    }
}
