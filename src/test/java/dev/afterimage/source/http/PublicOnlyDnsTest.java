package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicOnlyDnsTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void nameResolvingOnlyToPrivateAddressesIsRefused() {
        PublicOnlyDns dns = new PublicOnlyDns(host -> List.of(address("127.0.0.1"), address("10.0.0.7")));

        UnknownHostException refused = assertThrows(UnknownHostException.class, () -> dns.lookup("rebind.example"));

        assertEquals(
                "refused: rebind.example resolves to 127.0.0.1, which is a private or loopback address"
                        + " (set afterimage.fetch.allow-private-networks=true to allow)",
                refused.getMessage());
    }

    @Test
    void privateAddressesAreDroppedFromAMixedAnswer() throws UnknownHostException {
        PublicOnlyDns dns = new PublicOnlyDns(host -> List.of(address("192.168.0.1"), address("93.184.216.34")));

        assertEquals(List.of(address("93.184.216.34")), dns.lookup("mixed.example"));
    }

    @Test
    void privateLiteralsAreRefusedInEveryFormOkHttpAccepts() {
        for (String host : List.of("127.0.0.1", "127.1", "2130706433", "::1", "::ffff:127.0.0.1", "10.0.0.1")) {
            assertThrows(UnknownHostException.class, () -> PublicOnlyDns.refuseIfPrivateLiteral(host), host);
        }
    }

    @Test
    void publicLiteralsAndNamesPassTheLiteralCheck() {
        for (String host : List.of("93.184.216.34", "2606:2800:220:1::248", "example.com")) {
            assertDoesNotThrow(() -> PublicOnlyDns.refuseIfPrivateLiteral(host), host);
        }
    }
}
