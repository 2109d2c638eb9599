package dev.afterimage.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MatchingOn;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The 2017 case, replayed: a channel posts a photo, a reference set holds a game trailer's frames, and another
 * channel later posts disguised copies among unrelated photos. Each copy is reported once, naming its source.
 */
@QuarkusTest
@TestProfile(MatchingOn.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ImageReuseScenarioTest {

    // Seeds no other test draws, so pictures of other test classes in the same database match none of these.
    private static final long PHOTO = 913_001;
    private static final long[] TRAILER = {913_101, 913_102, 913_103};
    private static final long[] UNRELATED = {913_201, 913_202, 913_203};

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void eachDisguisedCopyIsReportedOnceNamingItsSourceAndUnrelatedPhotosAreNot() {
        TelegramScenario original = new TelegramScenario(wireMock, clock);
        original.post(1, Duration.ofHours(5), "Our strike, today")
                .photo(original.picture("strike", Pictures.jpeg(PHOTO, 1280, 960, 0.92f)));
        original.watch();
        original.poll();
        String originalUrl = original.postByPlatformId(1).getString("post.url");
        assertEquals(List.of(), original.eventTypes(), "a first picture was seen nowhere before");

        long setId = referenceSetOfTrailerFrames();

        TelegramScenario copier = new TelegramScenario(wireMock, clock);
        BufferedImage photo = Pictures.scene(PHOTO, 1280, 960);
        copier.post(10, Duration.ofHours(2), "Irrefutable evidence")
                .photo(copier.picture("evidence", Pictures.encode(Pictures.resized(photo, 0.4), 0.55f)));
        copier.post(11, Duration.ofHours(2), "More evidence")
                .photo(copier.picture(
                        "frame", Pictures.encode(Pictures.mirrored(Pictures.scene(TRAILER[1], 1280, 720)), 0.8f)));
        copier.post(12, Duration.ofHours(1), "Share this")
                .photo(copier.picture("meme", Pictures.encode(Pictures.captioned(photo, 0.07, "THEY LIED"), 0.85f)));
        for (int i = 0; i < UNRELATED.length; i++) {
            copier.post(20 + i, Duration.ofMinutes(50 - i), "Unrelated " + i)
                    .photo(copier.picture("unrelated-" + i, Pictures.jpeg(UNRELATED[i], 1024, 768, 0.85f)));
        }
        copier.watch();
        copier.poll();
        copier.poll();

        List<Map<String, Object>> reused = copier.events().stream()
                .filter(event -> "MEDIA_REUSED".equals(event.get("type")))
                .toList();
        assertEquals(3, reused.size(), "one MEDIA_REUSED per disguised copy: " + reused);
        Map<String, Map<String, Object>> bestByPost = new java.util.HashMap<>();
        for (Map<String, Object> event : reused) {
            bestByPost.put((String) event.get("postUrl"), bestMatch(event));
        }
        String copierUrl = "https://t.me/" + copier.channel.channel() + "/";

        Map<String, Object> shrunk = bestByPost.get(copierUrl + 10);
        assertEquals("archive", shrunk.get("kind"));
        assertEquals(originalUrl, shrunk.get("postUrl"));
        assertEquals("ORIGINAL", shrunk.get("transform"));

        Map<String, Object> frame = bestByPost.get(copierUrl + 11);
        assertEquals("reference", frame.get("kind"));
        assertEquals("AC-130 Gunship Simulator trailer", frame.get("referenceSet"));
        assertEquals("trailer-frame-2.png", frame.get("referenceName"));
        assertEquals("MIRROR_HORIZONTAL", frame.get("transform"));
        assertEquals((int) setId, ((Number) frame.get("referenceSetId")).intValue());

        Object framePostId = reused.stream()
                .filter(event -> (copierUrl + 11).equals(event.get("postUrl")))
                .findFirst()
                .orElseThrow()
                .get("postId");
        String page = given().get("/console/posts/" + framePostId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("Seen before") && page.contains("/api/reference-sets/" + setId + "/images/"), page);

        Map<String, Object> meme = bestByPost.get(copierUrl + 12);
        assertEquals("archive", meme.get("kind"));
        assertEquals(originalUrl, meme.get("postUrl"));
        assertTrue(((Number) meme.get("distance")).intValue() <= 31);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bestMatch(Map<String, Object> event) {
        Map<String, Object> details = (Map<String, Object>) event.get("details");
        List<Map<String, Object>> matches = (List<Map<String, Object>>) details.get("matches");
        assertTrue(((String) details.get("summary")).contains("distance"), "a readable summary: " + details);
        return matches.getFirst();
    }

    private static long referenceSetOfTrailerFrames() {
        long id = given().contentType("application/json")
                .body(Map.of("name", "AC-130 Gunship Simulator trailer", "description", "frames of the 2015 trailer"))
                .post("/api/reference-sets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        var upload = given().header("X-Requested-With", "test");
        for (int i = 0; i < TRAILER.length; i++) {
            upload = upload.multiPart(
                    "file",
                    "trailer-frame-" + (i + 1) + ".png",
                    png(Pictures.scene(TRAILER[i], 1280, 720)),
                    "image/png");
        }
        upload.post("/api/reference-sets/" + id + "/images").then().statusCode(201);
        return id;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
