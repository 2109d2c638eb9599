package dev.afterimage.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.TestPki;
import dev.afterimage.testkit.WarcReaders;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC export, read back with jwarc and checked by two independent readers (jwarc's validator and Webrecorder's
 * warcio): a warcinfo first, every fetch as a request and a response from the address it came from, TLS sessions as
 * metadata, and every digest holds.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class WarcExportTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void postExportHoldsThePageAndMediaFetchesWithDigestsThatVerify() throws IOException {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Evidence").photo(scenario.picture("warc", 404));
        scenario.post(2, Duration.ofMinutes(30), "Other");
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(1, "Evidence, edited");
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        scenario.channel.delete(1);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        JsonPath post = scenario.postByPlatformId(1);

        byte[] warc = given().header("X-Requested-With", "test")
                .get("/api/posts/" + post.getLong("post.id") + "/export.warc.gz")
                .then()
                .statusCode(200)
                .contentType("application/warc")
                .extract()
                .asByteArray();

        List<WarcResponse> responses = new ArrayList<>();
        List<WarcRequest> requests = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<WarcRecord> all = new ArrayList<>();
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                assertEquals("WARC/1.1", record.version().toString());
                all.add(record);
                if (record instanceof Warcinfo info) {
                    assertTrue(
                            info.fields().first("software").orElseThrow().startsWith("Afterimage/"),
                            "the warcinfo names the software and its version");
                    assertEquals(
                            "https://afterimage.example",
                            info.fields().first("isPartOf").orElseThrow());
                    assertEquals(
                            "Afterimage test instance, run by the test suite",
                            info.fields().first("operator").orElseThrow());
                } else if (record instanceof WarcResponse response) {
                    assertEquals(
                            "127.0.0.1",
                            response.ipAddress().orElseThrow().getHostAddress(),
                            "the address the page was fetched from");
                    statuses.add(response.http().status());
                    WarcPayload payload = response.payload().orElseThrow();
                    byte[] bytes = payload.body().stream().readAllBytes();
                    assertEquals(
                            Sha256.of(bytes),
                            HexFormat.of()
                                    .formatHex(response.payloadDigest()
                                            .orElseThrow()
                                            .bytes()),
                            "payload digest of " + response.target());
                    responses.add(response);
                    payloads.add(bytes);
                } else if (record instanceof WarcRequest request) {
                    methods.add(request.http().method());
                    requests.add(request);
                }
            }
        }
        assertInstanceOf(Warcinfo.class, all.getFirst(), "the warcinfo record heads the file");
        assertEquals(
                4,
                responses.size(),
                "two listing pages (one per version), the photo, and the permalink saying it is gone");
        assertEquals(responses.size(), requests.size(), "each response has its request");
        for (WarcRequest request : requests) {
            assertTrue(responses.stream()
                    .anyMatch(r -> r.id().equals(request.concurrentTo().getFirst())));
            assertEquals("GET", request.http().method());
        }
        String mediaSha = post.getString("versions[0].media[0].sha256");
        assertTrue(
                payloads.stream().anyMatch(bytes -> Sha256.of(bytes).equals(mediaSha)),
                "the photo's bytes are in the WARC");
        for (int v = 0; v < 2; v++) {
            int version = v;
            assertTrue(
                    payloads.stream().anyMatch(bytes -> new String(bytes, StandardCharsets.UTF_8)
                            .contains(post.getString("versions[" + version + "].text"))),
                    "the page of version " + (version + 1));
        }

        byte[] accountWarc = given().header("X-Requested-With", "test")
                .get("/api/accounts/" + scenario.accountId() + "/export.warc.gz")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        given().header("X-Requested-With", "test")
                .get("/api/posts/987654321/export.warc.gz")
                .then()
                .statusCode(404);

        assertBothReadersAccept(warc);
        assertBothReadersAccept(accountWarc);
    }

    @Test
    void httpsCaptureCarriesItsTlsSessionAndCertificateChainInAMetadataRecord() throws Exception {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Over TLS");
        scenario.watch();
        scenario.poll();
        JsonPath post = scenario.postByPlatformId(1);
        TestPki pki = new TestPki("Platform");
        TestPki.Issued server = pki.issueServer("t.me");
        String chain = TestPki.pem(server.certificate(), pki.root());
        // The fake platform speaks plain http; the session of a real https fetch is put on its capture.
        QuarkusTransaction.requiringNew().run(() -> {
            PostVersion version = PostVersion.ofPost(post.getLong("post.id")).getFirst();
            Capture capture = Capture.findById(version.captureId);
            capture.tlsProtocol = "TLSv1.3";
            capture.tlsCipherSuite = "TLS_AES_128_GCM_SHA256";
            capture.tlsCertificates = chain;
        });

        byte[] warc = given().header("X-Requested-With", "test")
                .get("/api/posts/" + post.getLong("post.id") + "/export.warc.gz")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        WarcResponse response = null;
        WarcMetadata metadata = null;
        String pem = null;
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse r) {
                    response = r;
                } else if (record instanceof WarcMetadata m) {
                    metadata = m;
                    pem = new String(m.body().stream().readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
        }
        assertNotNull(response);
        assertNotNull(metadata, "a metadata record for the https fetch");
        assertEquals(List.of(response.id()), metadata.concurrentTo(), "tied to its response");
        assertEquals(List.of("http/1.1", "tls/1.3"), response.headers().all("WARC-Protocol"));
        assertEquals("tls/1.3", metadata.headers().first("WARC-Protocol").orElseThrow());
        assertEquals(
                "TLS_AES_128_GCM_SHA256",
                metadata.headers().first("WARC-Cipher-Suite").orElseThrow());
        assertEquals("application/x-pem-file", metadata.contentType().toString());
        assertEquals(chain, pem);
        assertEquals(
                server.certificate(),
                CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(chain.getBytes(StandardCharsets.US_ASCII)))
                        .iterator()
                        .next(),
                "the leaf certificate comes first and parses back");

        assertBothReadersAccept(warc);
    }

    /**
     * An account export larger than a read batch (three in tests): posts and captures are read a batch at a time, and
     * the file still holds every capture exactly once, even the listing page that all the posts were read from.
     */
    @Test
    void accountExportCrossesReadBatchesAndHoldsEachCaptureOnce() throws IOException {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        int posts = 7;
        for (int id = 1; id <= posts; id++) {
            scenario.post(id, Duration.ofMinutes(60 - id), "Batch post " + id)
                    .photo(scenario.picture("batch-" + id, 5000 + id));
        }
        scenario.watch();
        scenario.poll();

        byte[] warc = given().header("X-Requested-With", "test")
                .get("/api/accounts/" + scenario.accountId() + "/export.warc.gz")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        List<String> responseUrls = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    responseUrls.add(response.target());
                    payloads.add(response.http().body().stream().readAllBytes());
                }
            }
        }
        assertEquals(posts + 1, responseUrls.size(), "the listing page once and each photo once: " + responseUrls);
        assertEquals(responseUrls.size(), new HashSet<>(responseUrls).size(), "no capture twice: " + responseUrls);
        for (int id = 1; id <= posts; id++) {
            String sha = scenario.postByPlatformId(id).getString("versions[0].media[0].sha256");
            assertTrue(payloads.stream().anyMatch(bytes -> Sha256.of(bytes).equals(sha)), "the photo of post " + id);
        }
        assertBothReadersAccept(warc);
    }

    /** jwarc's validator passes every record, and warcio recomputes every declared digest to the same value. */
    private static void assertBothReadersAccept(byte[] warc) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "export-", ".warc.gz");
        try {
            Files.write(file, warc);
            WarcReaders.Validation jwarc = WarcReaders.jwarcValidate(file);
            assertTrue(jwarc.passed(), "jwarc validate:\n" + jwarc.output());

            List<WarcReaders.WarcioRecord> records = WarcReaders.warcio(file);
            assertEquals("warcinfo", records.getFirst().type());
            for (WarcReaders.WarcioRecord record : records.subList(1, records.size())) {
                assertNotNull(record.declared("block"), "every record but the warcinfo declares its block digest");
                for (String digest : List.of("block", "payload")) {
                    String declared = record.declared(digest);
                    if (declared != null) {
                        assertTrue(declared.matches("sha256:[0-9a-f]{64}"), declared);
                        assertEquals(
                                declared,
                                record.recomputed(digest),
                                "warcio's " + digest + " digest of " + record.type() + " " + record.id());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
