package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One address policy: every way a client may read a literal host, and the address a connection really ends on. */
class LiteralHostsTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @ParameterizedTest(name = "{0} refused={1}")
    @CsvSource({
        "127.0.0.1,          true",
        "0177.0.0.1,         true",
        "0x7f.1,             true",
        "0x7F.0.0.1,         true",
        "127.1,              true",
        "2130706433,         true",
        "0x7f000001,         true",
        "017700000001,       true",
        "010.0.0.1,          true",
        "0300.0250.1.1,      true",
        "[::ffff:127.0.0.1], true",
        "::ffff:7f00:1,      true",
        "[::1],              true",
        "192.0.2.10,         true",
        "198.18.7.7,         true",
        "203.0.113.1,        true",
        "[2001:db8::5],      true",
        "93.184.216.34,      false",
        "1572395042,         false",
        "[2606:2800:220:1::248], false",
        "example.org,        false",
        "0x7f.example.org,   false",
    })
    void literalHostsAreRefusedWhenAnyReadingIsNotPublic(String host, boolean refused) {
        assertEquals(refused, PrivateAddresses.privateReadingOf(host).isPresent(), host);
    }

    @Test
    void octalIsReadAsLibcReadsIt() throws Exception {
        assertEquals(
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("177.0.0.1")),
                LiteralHosts.readings("0177.0.0.1"));
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                LiteralHosts.inetAton("0x7f.1").orElseThrow());
        assertTrue(LiteralHosts.inetAton("256.1.1.1").isEmpty());
        assertTrue(LiteralHosts.inetAton("1.2.3.4.5").isEmpty());
    }

    @Test
    void aConnectionEndingOnAPrivateAddressIsRefusedWhateverTheNameResolvedTo() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", "/next")));
        // A resolver that lies, as a rebinding name does between the check and the connection: the connected socket
        // still tells where the request would go, on the first hop and on every redirect.
        OkHttpClient client = new OkHttpClient.Builder()
                .dns(host -> List.of(InetAddress.getLoopbackAddress()))
                .addNetworkInterceptor(PublicOnlyDns::refuseIfConnectedPrivately)
                .followRedirects(true)
                .build();
        Request request = new Request.Builder()
                .url("http://public.example:" + server.getPort() + "/")
                .build();

        IOException refused = assertThrows(
                IOException.class, () -> client.newCall(request).execute().close());

        assertInstanceOf(PublicOnlyDns.Refused.class, refused);
        assertTrue(refused.getMessage().contains("connected to 127.0.0.1"), refused.getMessage());
        server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }
}
