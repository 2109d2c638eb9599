package dev.afterimage.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The evidence chain catches a single flipped byte, in a media file or in a version's raw bytes, and names it. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class EvidenceChainTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    MediaStore store;

    @Test
    void flippedByteInAStoredFileOrRowIsCaughtAndNamed() throws IOException {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Evidence").photo(scenario.picture("chain", 99));
        scenario.post(2, Duration.ofMinutes(30), "More evidence").photo(scenario.picture("chain-other", 98));
        scenario.watch();
        scenario.poll();
        JsonPath post = scenario.postByPlatformId(1);
        String sha = post.getString("versions[0].media[0].sha256");
        long versionId = post.getLong("versions[0].id");

        JsonPath intact = verify();
        assertTrue(intact.getBoolean("intact"), intact.prettify());
        assertTrue(intact.getLong("entriesChecked") >= 3);
        assertNull(intact.get("firstBroken"));
        assertEquals(64, intact.getString("headHash").length(), "the head hash, to publish");
        assertTrue(intact.getLong("headSeq") >= intact.getLong("entriesChecked"));

        Path file = store.locate(sha).orElseThrow();
        byte[] original = Files.readAllBytes(file);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(file, flipped);
        JsonPath mediaCaught = verify();
        Files.write(file, original);

        assertEquals(false, mediaCaught.getBoolean("intact"));
        assertEquals("MEDIA", mediaCaught.getString("firstBroken.kind"));
        assertEquals(sha, mediaCaught.getString("firstBroken.recordRef"));
        assertTrue(verify().getBoolean("intact"), "intact again once the byte is restored");

        byte[] raw =
                QuarkusTransaction.requiringNew().call(() -> PostVersion.<PostVersion>findById(versionId).rawFragment);
        byte[] tampered = raw.clone();
        tampered[10] ^= 0x01;
        QuarkusTransaction.requiringNew()
                .run(() -> PostVersion.<PostVersion>findById(versionId).rawFragment = tampered);
        JsonPath rowCaught = verify();
        QuarkusTransaction.requiringNew().run(() -> PostVersion.<PostVersion>findById(versionId).rawFragment = raw);

        assertEquals(false, rowCaught.getBoolean("intact"));
        assertEquals("VERSION", rowCaught.getString("firstBroken.kind"));
        assertEquals(String.valueOf(versionId), rowCaught.getString("firstBroken.recordRef"));
        assertTrue(
                rowCaught.getString("firstBroken.problem").contains("raw bytes"),
                rowCaught.getString("firstBroken.problem"));

        QuarkusTransaction.requiringNew()
                .run(() -> PostVersion.<PostVersion>findById(versionId).text = "Evidence, quietly rewritten");
        JsonPath rewriteCaught = verify();
        QuarkusTransaction.requiringNew().run(() -> PostVersion.<PostVersion>findById(versionId).text = "Evidence");

        assertEquals("VERSION", rewriteCaught.getString("firstBroken.kind"));
        assertTrue(rewriteCaught.getString("firstBroken.problem").contains("changed after it was archived"));
        assertTrue(verify().getBoolean("intact"));

        long postId = post.getLong("post.id");
        String url = post.getString("post.url");
        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).url = url + "0");
        JsonPath movedCaught = verify();
        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).url = url);
        assertEquals("VERSION", movedCaught.getString("firstBroken.kind"), "a post moved to another URL is caught");

        String otherSha = QuarkusTransaction.requiringNew()
                .call(() -> Media.<Media>find("sha256 != ?1", sha).firstResult().sha256);
        QuarkusTransaction.requiringNew()
                .run(() -> VersionMedia.ofVersion(versionId).getFirst().mediaSha256 = otherSha);
        JsonPath swapCaught = verify();
        QuarkusTransaction.requiringNew()
                .run(() -> VersionMedia.ofVersion(versionId).getFirst().mediaSha256 = sha);
        assertEquals(
                "MEDIA_LINKS",
                swapCaught.getString("firstBroken.kind"),
                "a photo swapped for another archived one is caught");
        assertTrue(verify().getBoolean("intact"));

        scenario.channel.delete(1);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        assertTrue(verify().getBoolean("intact"), "a recorded deletion verifies");
        java.time.Instant deletedAt =
                QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(postId).deletedAt);
        QuarkusTransaction.requiringNew()
                .run(() -> Post.<Post>findById(postId).deletedAt = deletedAt.plus(Duration.ofHours(5)));
        JsonPath timeCaught = verify();
        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).deletedAt = deletedAt);
        assertEquals("DELETION", timeCaught.getString("firstBroken.kind"), "a rewritten deletion time is caught");

        long proof = QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(postId).deletionCaptureId);
        byte[] answer = QuarkusTransaction.requiringNew().call(() -> Capture.<Capture>findById(proof).body);
        byte[] forged = answer.clone();
        forged[forged.length / 2] ^= 0x01;
        QuarkusTransaction.requiringNew().run(() -> Capture.<Capture>findById(proof).body = forged);
        JsonPath proofCaught = verify();
        QuarkusTransaction.requiringNew().run(() -> Capture.<Capture>findById(proof).body = answer);
        assertEquals("DELETION", proofCaught.getString("firstBroken.kind"), "a forged proof of deletion is caught");
        assertTrue(verify().getBoolean("intact"));
    }

    private static JsonPath verify() {
        return given().header("X-Requested-With", "test")
                .get("/api/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
