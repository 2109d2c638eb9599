package dev.afterimage.source.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * Tells addresses on the public internet from those that reach the service's own machine or network:
 * loopback, private, link-local, unique-local, carrier-grade NAT, unspecified, multicast and broadcast.
 * Anything fetched on behalf of a URL that came from outside must go to a public address.
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
                || first >= 224; // multicast, reserved and the broadcast address
    }

    private static boolean isPrivateIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique local
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

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
