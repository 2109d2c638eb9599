package dev.afterimage.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The evidence chain catches one changed byte or field, in a stored file or in a row, names the entry that no longer
 * holds, and verifies again once it is put back: one case per kind of tampering.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class EvidenceChainTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    MediaStore store;

    @Inject
    EntityManager entities;

    /** A post with a photo, archived beside another one, and deleted where the case needs a deletion. */
    record Archived(long postId, long versionId, String url, String mediaSha) {}

    /** One way to tamper with the archive: what it changes, how it is undone, and which entry must name it. */
    enum Tamper {
        MEDIA_FILE_BYTE("MEDIA", false, null),
        VERSION_RAW_BYTE("VERSION", false, "raw bytes"),
        VERSION_TEXT("VERSION", false, "changed after it was archived"),
        POST_MOVED_TO_ANOTHER_URL("VERSION", false, null),
        PHOTO_SWAPPED_FOR_ANOTHER("MEDIA_LINKS", false, null),
        DELETION_TIME_REWRITTEN("DELETION", true, null),
        DELETION_PROOF_FORGED("DELETION", true, null);

        final String brokenKind;
        final boolean needsDeletion;
        final String problem;

        Tamper(String brokenKind, boolean needsDeletion, String problem) {
            this.brokenKind = brokenKind;
            this.needsDeletion = needsDeletion;
            this.problem = problem;
        }
    }

    @Test
    void whatAPollArchivesIsChainedBeforeThePollReturns() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Chained at once").photo(scenario.picture("chained-at-once", 97));
        scenario.watch();
        scenario.poll();
        assertEquals(0L, pending(), "left pending after a poll");

        scenario.channel.delete(1);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        assertEquals(0L, pending(), "left pending after a deletion");
    }

    private long pending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entities.createQuery("select count(*) from EvidencePending", Long.class)
                        .getSingleResult());
    }

    @Test
    void untouchedChainVerifiesAndNamesItsHead() {
        archive(false);

        JsonPath intact = verify();

        assertTrue(intact.getBoolean("intact"), intact.prettify());
        assertTrue(intact.getLong("entriesChecked") >= 3);
        assertNull(intact.get("firstBroken"));
        assertEquals(64, intact.getString("headHash").length(), "the head hash, to publish");
        assertTrue(intact.getLong("headSeq") >= intact.getLong("entriesChecked"));
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void tamperingIsCaughtNamedAndUndone(Tamper tamper) {
        Archived archived = archive(tamper.needsDeletion);
        assertTrue(verify().getBoolean("intact"), "intact before " + tamper);

        Runnable undo = apply(tamper, archived);
        JsonPath caught;
        try {
            caught = verify();
        } finally {
            undo.run();
        }

        assertFalse(caught.getBoolean("intact"), tamper + " is caught");
        assertEquals(tamper.brokenKind, caught.getString("firstBroken.kind"), tamper + ": " + caught.prettify());
        String expectedRef =
                switch (tamper.brokenKind) {
                    case "MEDIA" -> archived.mediaSha();
                    case "DELETION" -> String.valueOf(archived.postId());
                    default -> String.valueOf(archived.versionId());
                };
        assertEquals(expectedRef, caught.getString("firstBroken.recordRef"), tamper + " names the record");
        if (tamper.problem != null) {
            assertTrue(
                    caught.getString("firstBroken.problem").contains(tamper.problem),
                    caught.getString("firstBroken.problem"));
        }
        assertTrue(verify().getBoolean("intact"), "intact again once " + tamper + " is undone");
    }

    private Archived archive(boolean deleted) {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Evidence").photo(scenario.picture("chain", 99));
        scenario.post(2, Duration.ofMinutes(30), "More evidence").photo(scenario.picture("chain-other", 98));
        scenario.watch();
        scenario.poll();
        if (deleted) {
            scenario.channel.delete(1);
            scenario.advance(Duration.ofMinutes(1));
            scenario.poll();
        }
        JsonPath post = scenario.postByPlatformId(1);
        return new Archived(
                post.getLong("post.id"),
                post.getLong("versions[0].id"),
                post.getString("post.url"),
                post.getString("versions[0].media[0].sha256"));
    }

    /** Applies the change and returns what puts it back. */
    private Runnable apply(Tamper tamper, Archived archived) {
        long versionId = archived.versionId();
        long postId = archived.postId();
        return switch (tamper) {
            case MEDIA_FILE_BYTE -> {
                Path file = store.locate(archived.mediaSha()).orElseThrow();
                byte[] original = read(file);
                byte[] flipped = original.clone();
                flipped[flipped.length / 2] ^= 0x01;
                write(file, flipped);
                yield () -> write(file, original);
            }
            case VERSION_RAW_BYTE -> {
                byte[] raw = inTransaction(() -> PostVersion.<PostVersion>findById(versionId).rawFragment);
                byte[] tampered = raw.clone();
                tampered[10] ^= 0x01;
                QuarkusTransaction.requiringNew()
                        .run(() -> PostVersion.<PostVersion>findById(versionId).rawFragment = tampered);
                yield () -> QuarkusTransaction.requiringNew()
                        .run(() -> PostVersion.<PostVersion>findById(versionId).rawFragment = raw);
            }
            case VERSION_TEXT -> {
                String text = inTransaction(() -> PostVersion.<PostVersion>findById(versionId).text);
                QuarkusTransaction.requiringNew()
                        .run(() -> PostVersion.<PostVersion>findById(versionId).text = "Evidence, quietly rewritten");
                yield () -> QuarkusTransaction.requiringNew()
                        .run(() -> PostVersion.<PostVersion>findById(versionId).text = text);
            }
            case POST_MOVED_TO_ANOTHER_URL -> {
                QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).url = archived.url() + "0");
                yield () ->
                        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).url = archived.url());
            }
            case PHOTO_SWAPPED_FOR_ANOTHER -> {
                String other = inTransaction(() ->
                        Media.<Media>find("sha256 != ?1", archived.mediaSha()).firstResult().sha256);
                QuarkusTransaction.requiringNew()
                        .run(() -> VersionMedia.ofVersion(versionId).getFirst().mediaSha256 = other);
                yield () -> QuarkusTransaction.requiringNew()
                        .run(() -> VersionMedia.ofVersion(versionId).getFirst().mediaSha256 = archived.mediaSha());
            }
            case DELETION_TIME_REWRITTEN -> {
                Instant deletedAt = inTransaction(() -> Post.<Post>findById(postId).deletedAt);
                QuarkusTransaction.requiringNew()
                        .run(() -> Post.<Post>findById(postId).deletedAt = deletedAt.plus(Duration.ofHours(5)));
                yield () ->
                        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(postId).deletedAt = deletedAt);
            }
            case DELETION_PROOF_FORGED -> {
                long proof = inTransaction(() -> Post.<Post>findById(postId).deletionCaptureId);
                byte[] answer = inTransaction(() -> Capture.<Capture>findById(proof).body);
                byte[] forged = answer.clone();
                forged[forged.length / 2] ^= 0x01;
                QuarkusTransaction.requiringNew().run(() -> Capture.<Capture>findById(proof).body = forged);
                yield () -> QuarkusTransaction.requiringNew().run(() -> Capture.<Capture>findById(proof).body = answer);
            }
        };
    }

    private static <T> T inTransaction(Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
