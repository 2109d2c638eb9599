package dev.afterimage.source.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Host names that are IP addresses written out, read every way a client may read them. libc's {@code inet_aton}
 * (curl, a proxy, a receiving server) reads {@code 0177.0.0.1} as octal 127.0.0.1, {@code 0x7f.1} and {@code 127.1}
 * as 127.0.0.1 and {@code 2130706433} as one 32-bit number, where Java reads some of them otherwise: a host is only
 * public when every reading of it is.
 */
public final class LiteralHosts {

    private LiteralHosts() {}

    /** Every address {@code host} may stand for when it is an IP literal in any form; empty for a name. */
    public static List<InetAddress> readings(String host) {
        List<InetAddress> readings = new ArrayList<>();
        if (host == null || host.isEmpty()) {
            return readings;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":")) {
            if (bare.matches("[0-9a-fA-F:.%a-zA-Z0-9]+")) {
                byName(bare).ifPresent(readings::add);
            }
            return readings;
        }
        inetAton(bare).ifPresent(readings::add);
        if (bare.matches("[0-9.]+")) {
            byName(bare).filter(java -> !readings.contains(java)).ifPresent(readings::add);
        }
        return readings;
    }

    /** The address libc's {@code inet_aton} reads: 1 to 4 parts, each decimal, octal (0…) or hex (0x…). */
    static Optional<InetAddress> inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        // The last part fills all the bytes the earlier parts left.
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0x")) {
                return lower.length() == 2 || lower.length() > 10
                        ? Optional.empty()
                        : Optional.of(Long.parseLong(lower.substring(2), 16));
            }
            if (lower.isEmpty() || lower.length() > 12 || !lower.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(
                    lower.length() > 1 && lower.startsWith("0")
                            ? Long.parseLong(lower.substring(1), 8)
                            : Long.parseLong(lower));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byName(String literal) {
        try {
            // Literal forms only reach here, so no name is resolved.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
