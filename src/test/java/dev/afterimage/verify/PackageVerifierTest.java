package dev.afterimage.verify;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.EvidencePackage;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier over a package the service made: an intact one holds in full; one flipped byte in any part
 * fails it, and the report names that part.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class PackageVerifierTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @TempDir
    Path folder;

    private static EvidencePackage evidence;
    private Path rootPem;
    private String fingerprint;

    @BeforeEach
    void packageOnce() throws IOException {
        if (evidence == null) {
            evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);
        }
        rootPem = Files.writeString(
                folder.resolve("tsa-root.pem"),
                ConfigProvider.getConfig().getValue(WireMockResource.TSA_ROOT_PROPERTY, String.class));
        fingerprint =
                given().get("/api/evidence/key").then().extract().jsonPath().getString("fingerprint");
    }

    @Test
    void intactPackageIsVerifiedInFullWithTheRootsAndTheKeyGiven() throws IOException {
        Path wacz = Files.write(folder.resolve("post.wacz"), evidence.wacz());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = VerifyTool.run(
                new String[] {wacz.toString(), "--tsa-ca", rootPem.toString(), "--key", fingerprint},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(VerifyTool.VERIFIED, status, report);
        assertTrue(report.contains("RESULT: VERIFIED"), report);
        assertTrue(report.contains("was archived before"), "a version is proven older than the stamp: " + report);
        assertTrue(report.contains("the signing key is the one given with --key"), report);
    }

    @Test
    void withoutRootsOrKeyThePackageHoldsButTheReportSaysWhatWasNotChecked() throws IOException {
        Path wacz = Files.write(folder.resolve("post.wacz"), evidence.wacz());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = VerifyTool.run(
                new String[] {wacz.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(VerifyTool.VERIFIED, status, report);
        assertTrue(report.contains("give --tsa-ca"), report);
        assertTrue(report.contains("give --key"), report);
    }

    @Test
    void anotherKeyThanThePublishedOneFails() throws Exception {
        Report report = verify(evidence.wacz(), "0".repeat(64));

        assertEquals("signer", report.firstFailure().orElseThrow().subject());
    }

    @Test
    void aChangedPageInTheWarcIsNamedByItsRecord() throws Exception {
        byte[] tampered = replace(
                "archive/data.warc.gz",
                warc -> flipAfter(gunzip(warc), EvidencePackage.EDITED_TEXT.getBytes(StandardCharsets.UTF_8), 0));

        assertFailure(verify(tampered), "record response", "does not match the record's bytes");
    }

    @Test
    void aChangedMediaFileIsNamedByItsUrl() throws Exception {
        byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        byte[] tampered = replace("archive/data.warc.gz", warc -> flipAfter(gunzip(warc), jpegStart, 200));

        assertFailure(verify(tampered), "evidence-photo.jpg", "does not match the record's bytes");
    }

    @Test
    void aChangedFileListBreaksTheSignature() throws Exception {
        byte[] tampered =
                replace("datapackage.json", json -> flipAfter(json, "\"title\"".getBytes(StandardCharsets.UTF_8), 12));

        assertFailure(verify(tampered), "datapackage.json", "the file list was changed");
    }

    @Test
    void aChangedSignatureIsNamed() throws Exception {
        byte[] tampered = replace(
                "datapackage-digest.json",
                json -> flipAfter(json, "\"signature\" : \"".getBytes(StandardCharsets.UTF_8), 20));

        assertFailure(verify(tampered), "datapackage-digest.json", "signature");
    }

    @Test
    void aChangedTimestampTokenIsNamed() throws Exception {
        byte[] tampered = replace("timestamps/1.tsr", token -> {
            byte[] copy = token.clone();
            copy[copy.length - 1] ^= 0x01;
            return copy;
        });

        assertFailure(verify(tampered), "timestamps/1.tsr", "signature");
    }

    @Test
    void aChangedChainEntryIsNamed() throws Exception {
        byte[] tampered = replace(
                "chain/records.jsonl",
                lines -> flipAfter(lines, "\"recordHash\":\"".getBytes(StandardCharsets.UTF_8), 3));

        assertFailure(verify(tampered), "chain entry", "its hash does not match its contents");
    }

    private Report verify(byte[] wacz) throws IOException, CertificateException {
        return verify(wacz, fingerprint);
    }

    private Report verify(byte[] wacz, String key) throws IOException, CertificateException {
        Path file = Files.write(Files.createTempFile(folder, "package", ".wacz"), wacz);
        X509Certificate root;
        try (InputStream in = Files.newInputStream(rootPem)) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return new PackageVerifier(List.of(root), Optional.of(key)).verify(file);
    }

    private static void assertFailure(Report report, String subject, String text) {
        assertTrue(
                report.findings().stream()
                        .anyMatch(finding -> finding instanceof Finding.Failed
                                && finding.subject().contains(subject)
                                && finding.text().contains(text)),
                "a failure of " + subject + " saying \"" + text + "\" in " + report.findings());
        assertTrue(report.firstFailure().isPresent());
    }

    /** The package with one file's bytes replaced, every entry stored as the service stores them. */
    private static byte[] replace(String path, UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : evidence.files().entrySet()) {
                byte[] bytes = file.getKey().equals(path) ? change.apply(file.getValue()) : file.getValue();
                ZipEntry entry = new ZipEntry(file.getKey());
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The bytes with one byte flipped, {@code offset} bytes after the end of the first {@code marker}. */
    private static byte[] flipAfter(byte[] bytes, byte[] marker, int offset) {
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                byte[] copy = bytes.clone();
                copy[i + marker.length + offset] ^= 0x01;
                return copy;
            }
        }
        throw new AssertionError("the marker to change is not in the file");
    }

    /** The WARC uncompressed: a reader takes it as well, and its bytes can be changed where they are. */
    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("the WARC is not gzip", e);
        }
    }
}
