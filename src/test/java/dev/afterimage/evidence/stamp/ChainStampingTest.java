package dev.afterimage.evidence.stamp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.evidence.PackageFile;
import dev.afterimage.hash.Sha256;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.TestTsaTransformer;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The chain's head dated by a time-stamping authority after a poll archived something, the package files that carry
 * the stamp and the entries it covers, and a TSA outage that leaves the chain "pending" without holding back
 * archiving, until a later attempt succeeds.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ChainStampingTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    ChainStamper stamper;

    @Inject
    TimestampFiles files;

    private final ObjectMapper json = new ObjectMapper();

    private void tsaAnswers() {
        wireMock.stubFor(
                post(WireMockResource.TSA_PATH).willReturn(aResponse().withTransformers(TestTsaTransformer.NAME)));
    }

    @Test
    void headIsStampedAfterAPollAndThePackageFilesRehashToTheStampedDigest() throws Exception {
        tsaAnswers();
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Stamped");
        scenario.watch();
        scenario.poll();
        long postId = scenario.postByPlatformId(1).getLong("post.id");
        // Past any earlier stamp's "not before" and any earlier failure's retry.
        scenario.advance(Duration.ofMinutes(11));

        List<TimeStamp> stored = stamper.stampDue();

        assertEquals(1, stored.size(), "one stamp from the one configured authority");
        JsonPath status = given().get("/api/evidence/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("stamped", status.getString("state"));
        assertEquals(status.getLong("headSeq"), status.getLong("stampedSeq"));
        assertEquals(stored.getFirst().digest, status.getString("headHash"));
        assertEquals(
                "stamped",
                given().get("/api/evidence/status/accounts/" + scenario.accountId())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("state"));
        assertTrue(stamper.stampDue().isEmpty(), "a head already stamped is not stamped again");

        Map<String, byte[]> packaged =
                files.forPost(postId).stream().collect(Collectors.toMap(PackageFile::path, PackageFile::bytes));
        JsonNode index = json.readTree(packaged.get(TimestampFiles.INDEX));
        assertEquals(1, index.size());
        JsonNode stamp = index.get(0);
        assertEquals("timestamps/1.tsr", stamp.get("file").asText());
        assertEquals(
                wireMock.baseUrl() + WireMockResource.TSA_PATH, stamp.get("tsa").asText());
        assertEquals(stored.getFirst().headSeq, stamp.get("headSeq").asLong());
        assertEquals(
                stored.getFirst().genTime.toString(), stamp.get("stampedAt").asText());

        List<JsonNode> entries = new String(packaged.get(TimestampFiles.ENTRIES), StandardCharsets.UTF_8)
                .lines()
                .map(this::parse)
                .toList();
        assertTrue(entries.stream()
                .anyMatch(e ->
                        e.get("inPackage").asBoolean() && e.get("kind").asText().equals("VERSION")));
        // The documented re-hash rule, applied by hand: each entry hashes to its entryHash, links to the one before,
        // and the last is the stamped digest.
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String rehashed = Sha256.ofText(
                    entry.get("seq").asLong() + "|" + entry.get("kind").asText() + "|"
                            + entry.get("recordRef").asText() + "|"
                            + entry.get("recordHash").asText() + "|"
                            + entry.get("previousHash").asText());
            assertEquals(entry.get("entryHash").asText(), rehashed, "entry " + entry.get("seq"));
            if (i > 0) {
                assertEquals(
                        entries.get(i - 1).get("entryHash").asText(),
                        entry.get("previousHash").asText());
                assertEquals(
                        entries.get(i - 1).get("seq").asLong() + 1,
                        entry.get("seq").asLong());
            }
        }
        assertEquals(stamp.get("headSeq").asLong(), entries.getLast().get("seq").asLong());
        assertEquals(
                stamp.get("digest").asText(), entries.getLast().get("entryHash").asText());

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl CLI absent: skipping openssl ts -verify");
        Path dir = Files.createTempDirectory(Path.of("target"), "stamp-");
        Path token = Files.write(dir.resolve("1.tsr"), packaged.get("timestamps/1.tsr"));
        Path root = Files.writeString(
                dir.resolve("root.pem"),
                ConfigProvider.getConfig().getValue(WireMockResource.TSA_ROOT_PROPERTY, String.class));
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "ts",
                        "-verify",
                        "-digest",
                        stamp.get("digest").asText(),
                        "-in",
                        token.toString(),
                        "-CAfile",
                        root.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), output);
        assertTrue(output.contains("Verification: OK"), output);
    }

    @Test
    void tsaOutageLeavesTheChainPendingWithoutHoldingBackArchivingAndTheHeadIsRetriedLater() {
        wireMock.stubFor(post(WireMockResource.TSA_PATH).willReturn(aResponse().withStatus(503)));
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Archived while the TSA is down");
        scenario.watch();
        scenario.poll();
        scenario.advance(Duration.ofMinutes(11));

        assertTrue(stamper.stampDue().isEmpty());

        assertEquals(
                "Archived while the TSA is down",
                scenario.postByPlatformId(1).getString("versions[0].text"),
                "archiving went on");
        JsonPath status = given().get("/api/evidence/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("pending", status.getString("state"));
        assertTrue(status.getString("tsas[0].lastFailure.reason").contains("HTTP 503"));
        String accountStatus = "/api/evidence/status/accounts/" + scenario.accountId();
        assertEquals(
                "pending",
                given().get(accountStatus).then().extract().jsonPath().getString("state"));
        String postPage = "/console/posts/" + scenario.postByPlatformId(1).getLong("post.id");
        String tsa = wireMock.baseUrl() + WireMockResource.TSA_PATH;
        String pendingPage =
                given().get(postPage).then().statusCode(200).extract().asString();
        assertTrue(pendingPage.contains("Timestamp pending"), "the console says the post is not dated yet");
        assertTrue(pendingPage.contains(tsa + " failed"), "and which authority failed");
        assertTrue(pendingPage.contains("HTTP 503"), "and why");

        tsaAnswers();
        assertTrue(stamper.stampDue().isEmpty(), "the failed authority waits for retry-after before it is asked again");
        scenario.advance(Duration.ofMinutes(3));
        assertEquals(1, stamper.stampDue().size(), "the pending head is stamped on retry");

        JsonPath after = given().get("/api/evidence/status").then().extract().jsonPath();
        assertEquals("stamped", after.getString("state"));
        assertNull(after.get("tsas[0].lastFailure"), "the failure is cleared by the stamp");
        assertEquals(
                "stamped",
                given().get(accountStatus).then().extract().jsonPath().getString("state"));
        given().get("/api/evidence/status/accounts/987654321").then().statusCode(404);

        String stampedPage =
                given().get(postPage).then().statusCode(200).extract().asString();
        assertTrue(
                stampedPage.contains("Timestamped: this post&#39;s newest record")
                        || stampedPage.contains("Timestamped: this post's newest record"),
                "the console says the post is dated");
        assertTrue(stampedPage.contains("<li>" + tsa + ": <time"), "by which authority, at which time");
        assertTrue(!stampedPage.contains("HTTP 503"), "the old failure is gone");
        String accountPage = given().get("/console/accounts/" + scenario.accountId())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(accountPage.contains("Timestamped: everything archived so far"), "the account page says so too");
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
