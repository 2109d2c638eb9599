package dev.afterimage.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.InvalidFieldException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.org", "93.184.216.34",
            "intranet.example.org", "10.1.2.3",
            "rebound.example.org", "169.254.169.254",
            "localhost", "127.0.0.1");

    private final WebhookUrlPolicy guarded = new WebhookUrlPolicy(false, WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy open = new WebhookUrlPolicy(true, WebhookUrlPolicyTest::resolve);

    @Test
    void publicHttpsEndpointIsAccepted() {
        assertEquals("https://hooks.example.org/afterimage", guarded.check("https://hooks.example.org/afterimage"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/hook",
                "http://127.0.0.1/hook",
                "https://intranet.example.org/hook",
                "http://rebound.example.org/latest/meta-data",
                "http://[::1]/hook",
                "http://192.168.1.20/hook",
            })
    void privateLoopbackAndLinkLocalEndpointsAreRefused(String url) {
        InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> guarded.check(url));

        assertEquals("url", refused.field());
        assertTrue(refused.getMessage().contains("allow-private-networks"), refused.getMessage());
    }

    @Test
    void privateEndpointsAreAcceptedWhenAllowed() {
        assertEquals("http://127.0.0.1:9999/hook", open.check("http://127.0.0.1:9999/hook"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.org/x",
                "hooks.example.org/x",
                "not a url",
                "https:///nohost",
                "javascript:alert(1)"
            })
    void onlyHttpUrlsWithAHostAreEndpoints(String url) {
        assertEquals(
                "url",
                assertThrows(InvalidFieldException.class, () -> open.check(url)).field());
    }

    @Test
    void unresolvableHostIsRefused() {
        assertEquals(
                "url",
                assertThrows(InvalidFieldException.class, () -> guarded.check("https://nowhere.invalid/"))
                        .field());
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
