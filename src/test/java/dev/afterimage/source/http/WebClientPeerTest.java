package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.TestPki;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** A fetch records who answered it: the server's address and, over https, the TLS session and certificate chain. */
class WebClientPeerTest {

    @Test
    void httpsFetchRecordsAddressProtocolCipherAndTheServersChain() throws Exception {
        TestPki pki = new TestPki("Platform");
        TestPki.Issued leaf = pki.issueServer("127.0.0.1");
        char[] password = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
                "server", leaf.keyPair().getPrivate(), password, new Certificate[] {leaf.certificate(), pki.root()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("root", pki.root());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        X509TrustManager trustManager = (X509TrustManager) trust.getTrustManagers()[0];
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {trustManager}, null);

        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverContext.getSocketFactory());
            server.enqueue(new MockResponse.Builder().body("<p>post</p>").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            WebClient client = new WebClient(
                    FixedFetchConfig.forLocalServer(),
                    Clock.systemUTC(),
                    builder -> builder.sslSocketFactory(clientContext.getSocketFactory(), trustManager));

            HttpOutcome.Received page = assertInstanceOf(
                    HttpOutcome.Received.class, client.get("https://127.0.0.1:" + server.getPort() + "/post/1"));

            Exchange exchange = page.exchange();
            assertEquals("127.0.0.1", exchange.ipAddress());
            TlsSession tls = exchange.tls();
            assertTrue(tls.protocol().startsWith("TLSv1."), tls.protocol());
            assertTrue(tls.cipherSuite().startsWith("TLS_"), tls.cipherSuite());
            assertEquals(TestPki.pem(leaf.certificate(), pki.root()).replace("\r\n", "\n"), tls.certificateChainPem());
        }
    }

    @Test
    void plainHttpFetchRecordsTheAddressAndNoTlsSession() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("ok").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            WebClient client = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());

            HttpOutcome.Received page = assertInstanceOf(
                    HttpOutcome.Received.class, client.get("http://127.0.0.1:" + server.getPort() + "/"));

            assertEquals("127.0.0.1", page.exchange().ipAddress());
            assertNull(page.exchange().tls());
        }
    }
}
