package dev.afterimage.source.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * Tells addresses on the public internet from those that reach the service's own machine or network or are no
 * internet address at all: loopback, private, link-local, unique-local, carrier-grade NAT, unspecified, multicast,
 * broadcast, and the other IANA special-purpose ranges (documentation, benchmarking, protocol assignments, IPv6
 * discard, Teredo, 6to4 and NAT64 carrying a private IPv4 address). The one address policy of every outbound request
 * (pages, media, webhooks): anything fetched on behalf of a URL that came from outside must go to a public address.
 */
public final class PrivateAddresses {

    private PrivateAddresses() {}

    /** True when connecting to {@code address} could reach something other than the public internet. */
    public static boolean isPrivate(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? isPrivateIpv4(bytes) : isPrivateIpv6(bytes);
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network": 0.x.x.x reaches the local host on Linux
                || first == 127
                || first == 10
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 169 && second == 254)
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, the provider's network
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // TEST-NET-1, documentation
                || (first == 198 && second == 51 && (b[2] & 0xff) == 100) // TEST-NET-2, documentation
                || (first == 203 && second == 0 && (b[2] & 0xff) == 113) // TEST-NET-3, documentation
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 192 && second == 88 && (b[2] & 0xff) == 99) // deprecated 6to4 relay anycast
                || first >= 224; // multicast, reserved and the broadcast address
    }

    private static boolean isPrivateIpv6(byte[] b) {
        int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        if ((b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                || (b[0] & 0xff) == 0xfe // fe80::/10 link-local, fec0::/10 site-local, and the rest of fe00::/8
                || (first16 == 0x0100 && isZero(b, 2, 8)) // 100::/64 discard-only
                || (first16 == 0x2001 && (b[2] & 0xfe) == 0) // 2001::/23 IETF protocol assignments, Teredo
                || (first16 == 0x2001 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // 2001:db8::/32 documentation
                || (first16 & 0xfff0) == 0x3ff0 // 3fff::/20 documentation
                || first16 == 0x5f00 // 5f00::/16 segment routing
                || (first16 == 0x0064
                        && (b[2] & 0xff) == 0xff
                        && (b[3] & 0xff) == 0x9b
                        && (b[4] & 0xff) == 0x00
                        && (b[5] & 0xff) == 0x01)) { // 64:ff9b:1::/48 local-use NAT64
            return true;
        }
        if (first16 == 0x2002) { // 6to4 carries an IPv4 address in its next 32 bits
            return isPrivateIpv4(Arrays.copyOfRange(b, 2, 6));
        }
        // These forms carry an IPv4 address that the kernel or a NAT64 gateway will connect to.
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = isZero(b, 0, 12);
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12);
        return (mapped || compatible || nat64) && isPrivateIpv4(Arrays.copyOfRange(b, 12, 16));
    }

    /**
     * Whether a URL's host may be connected to: a name passes (its addresses are checked when resolved and when
     * connected), an IP literal only when every reading of it ({@link LiteralHosts}) is public.
     *
     * @return the first non-public reading, when there is one
     */
    public static java.util.Optional<InetAddress> privateReadingOf(String host) {
        return LiteralHosts.readings(host).stream()
                .filter(PrivateAddresses::isPrivate)
                .findFirst();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
