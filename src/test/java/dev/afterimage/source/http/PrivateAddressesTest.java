package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivateAddressesTest {

    @ParameterizedTest(name = "{0} private={1}")
    @CsvSource({
        // IPv4
        "127.0.0.1,            true",
        "127.255.255.254,      true",
        "10.0.0.1,             true",
        "172.16.0.1,           true",
        "172.31.255.255,       true",
        "172.15.255.255,       false",
        "172.32.0.1,           false",
        "192.168.1.1,          true",
        "169.254.169.254,      true",
        "100.64.0.1,           true",
        "100.127.255.255,      true",
        "100.128.0.1,          false",
        "0.0.0.0,              true",
        "0.1.2.3,              true",
        "224.0.0.1,            true",
        "255.255.255.255,      true",
        "93.184.216.34,        false",
        "8.8.8.8,              false",
        "192.0.0.8,            true",
        "192.0.2.1,            true",
        "198.51.100.7,         true",
        "203.0.113.9,          true",
        "198.18.0.1,           true",
        "198.19.255.255,       true",
        "198.20.0.1,           false",
        "192.88.99.1,          true",
        "240.0.0.1,            true",
        // IPv6
        "::1,                  true",
        "::,                   true",
        "fe80::1,              true",
        "fc00::1,              true",
        "fd12:3456:789a::1,    true",
        "ff02::1,              true",
        "::ffff:127.0.0.1,     true",
        "::ffff:10.1.2.3,      true",
        "::ffff:93.184.216.34, false",
        "64:ff9b::a00:1,       true",
        "64:ff9b::5db8:d822,   false",
        "2606:2800:220:1::248, false",
        "2001:4860:4860::8888, false",
        "2001:db8::1,          true",
        "3fff::1,              true",
        "100::1,               true",
        "2001::1,              true",
        "fec0::1,              true",
        "64:ff9b:1::1,         true",
        "2002:7f00:1::,        true",
        "2002:5db8:d822::,     false",
        "::ffff:192.0.2.1,     true",
    })
    void classifiesAddress(String literal, boolean expected) throws UnknownHostException {
        assertEquals(expected, PrivateAddresses.isPrivate(InetAddress.getByName(literal)));
    }
}
