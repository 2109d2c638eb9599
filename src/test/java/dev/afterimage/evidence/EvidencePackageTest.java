package dev.afterimage.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.EvidencePackage;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Evidence packages as a user downloads them: WACZ 1.1.1, every file listed and hashed, signed by the published key. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class EvidencePackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void postPackageListsEveryFileWithItsHashAndIsSignedByThePublishedKey() throws Exception {
        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);

        assertTrue(evidence.files()
                .keySet()
                .containsAll(List.of(
                        "archive/data.warc.gz",
                        "indexes/index.cdxj",
                        "pages/pages.jsonl",
                        "provenance.html",
                        "datapackage.json",
                        "datapackage-digest.json")));
        assertTrue(
                evidence.methods().values().stream().allMatch(method -> method == ZipEntry.STORED),
                "stored, not deflated, so replay tools can seek into the WARC");

        JsonNode datapackage = JSON.readTree(evidence.files().get("datapackage.json"));
        assertEquals("1.1.1", datapackage.path("wacz_version").asText());
        assertEquals("data-package", datapackage.path("profile").asText());
        Set<String> listed = new HashSet<>();
        for (JsonNode resource : datapackage.path("resources")) {
            String path = resource.path("path").asText();
            byte[] bytes = evidence.files().get(path);
            assertNotNull(bytes, path + " is in the package");
            assertEquals("sha256:" + Sha256.of(bytes), resource.path("hash").asText(), path);
            assertEquals(bytes.length, resource.path("bytes").asLong(), path);
            listed.add(path);
        }
        Set<String> unlisted = new HashSet<>(evidence.files().keySet());
        unlisted.removeAll(listed);
        assertEquals(Set.of("datapackage.json", "datapackage-digest.json"), unlisted);

        JsonNode digest = JSON.readTree(evidence.files().get("datapackage-digest.json"));
        String hash = "sha256:" + Sha256.of(evidence.files().get("datapackage.json"));
        assertEquals(hash, digest.path("hash").asText());
        JsonNode signed = digest.path("signedData");
        assertEquals(hash, signed.path("hash").asText());
        assertTrue(signed.path("software").asText().startsWith("Afterimage "));
        assertFalse(signed.path("created").asText().isEmpty());
        JsonPath key = given().get("/api/evidence/key")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(key.getString("publicKey"), signed.path("publicKey").asText());
        assertTrue(verifies(
                key.getString("publicKey"), hash, signed.path("signature").asText()));
    }

    @Test
    void pagesAndIndexLetReplayToolsFindEachVersionsPage() throws Exception {
        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);

        List<String> pages = lines(evidence.files().get("pages/pages.jsonl"));
        assertEquals(
                "json-pages-1.0", JSON.readTree(pages.getFirst()).path("format").asText());
        assertEquals(3, pages.size(), "the header and the page of each of the two versions");
        String index = new String(evidence.files().get("indexes/index.cdxj"), StandardCharsets.UTF_8);
        for (String line : pages.subList(1, pages.size())) {
            JsonNode page = JSON.readTree(line);
            assertTrue(
                    index.contains("\"url\": \"" + page.path("url").asText() + "\"")
                            || index.contains("\"url\":\"" + page.path("url").asText() + "\""),
                    "the page " + page.path("url").asText() + " is in the index");
            assertFalse(page.path("ts").asText().isEmpty());
            assertTrue(page.path("title").asText().contains("Evidence of the crossing"));
        }
        assertTrue(index.contains("evidence-photo.jpg"), "the photo's download is indexed");
    }

    @Test
    void provenanceNamesEveryVersionItsHashesAndTheDeletionWithoutAnyScript() {
        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);

        String provenance = new String(evidence.files().get("provenance.html"), StandardCharsets.UTF_8);
        assertFalse(provenance.toLowerCase().contains("<script"));
        assertTrue(provenance.contains(EvidencePackage.FIRST_TEXT));
        assertTrue(provenance.contains(EvidencePackage.EDITED_TEXT));
        assertTrue(provenance.contains(evidence.post().getString("versions[0].rawSha256")));
        assertTrue(provenance.contains(evidence.post().getString("versions[0].media[0].sha256")));
        assertTrue(provenance.contains("Deletion proof"));
        assertTrue(provenance.contains("confirmed gone"));
        assertTrue(provenance.contains("openssl dgst -sha256 -verify"));
        String chain = new String(evidence.files().get("chain/records.jsonl"), StandardCharsets.UTF_8);
        for (String line : lines(evidence.files().get("chain/records.jsonl"))) {
            String entryHash = line.replaceAll(".*\"entryHash\":\"([0-9a-f]{64})\".*", "$1");
            assertTrue(provenance.contains(entryHash), "provenance lists chain entry " + entryHash);
        }
        assertTrue(chain.contains("\"kind\":\"DELETION\""));
    }

    @Test
    void accountPackageCoversARangeAndRefusesUnreadableBounds() {
        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);
        long account = evidence.accountId();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

        given().header("X-Requested-With", "test")
                .get("/api/accounts/" + account + "/evidence.wacz?from=" + today)
                .then()
                .statusCode(200)
                .contentType("application/wacz")
                .header("Content-Disposition", containsString("afterimage-account-" + account + ".wacz"));
        given().header("X-Requested-With", "test")
                .get("/api/accounts/" + account + "/evidence.wacz?from=yesterday")
                .then()
                .statusCode(400)
                .body(containsString("from"));
        given().header("X-Requested-With", "test")
                .get("/api/accounts/" + account + "/evidence.wacz?from=" + today + "&to=" + today)
                .then()
                .statusCode(400)
                .body(containsString("to"));
        given().header("X-Requested-With", "test")
                .get("/api/accounts/987654321/evidence.wacz")
                .then()
                .statusCode(404);
        given().header("X-Requested-With", "test")
                .get("/api/posts/987654321/evidence.wacz")
                .then()
                .statusCode(404);
    }

    @Test
    void signingKeyIsKeptForTheOwnerOnlyAndPublishedWithItsFingerprint() throws IOException {
        JsonPath key = given().get("/api/evidence/key")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        byte[] spki = Base64.getDecoder().decode(key.getString("publicKey"));
        assertEquals(Sha256.of(spki), key.getString("fingerprint"));
        assertNotNull(key.getString("createdAt"));
        Path file = Path.of("target/test-data/evidence-signing-key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void consoleOffersTheDownloadsAndShowsTheKeyFingerprint() {
        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);
        long post = evidence.post().getLong("post.id");
        String fingerprint =
                given().get("/api/evidence/key").then().extract().jsonPath().getString("fingerprint");

        given().get("/console/posts/" + post)
                .then()
                .statusCode(200)
                .body(containsString("href=\"/api/posts/" + post + "/evidence.wacz\""))
                .body(containsString("Download evidence"));
        given().get("/console/accounts/" + evidence.accountId())
                .then()
                .statusCode(200)
                .body(containsString("action=\"/api/accounts/" + evidence.accountId() + "/evidence.wacz\""));
        given().get("/console/evidence-key").then().statusCode(200).body(containsString(fingerprint));
    }

    private static boolean verifies(String publicKey, String text, String signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }
}
