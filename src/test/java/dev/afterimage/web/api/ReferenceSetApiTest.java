package dev.afterimage.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.afterimage.testkit.MatchingOn;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingOn.class)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceSetApiTest {

    @Test
    void referenceSetIsCreatedListedAndDeleted() {
        long id = create("Press kit");
        given().get("/api/reference-sets")
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItem("Press kit"));
        given().get("/api/reference-sets/" + id).then().statusCode(200).body("imageCount", equalTo(0));
        given().delete("/api/reference-sets/" + id).then().statusCode(204);
        given().get("/api/reference-sets/" + id).then().statusCode(404);
    }

    @Test
    void setWithoutANameIsRefusedNamingTheField() {
        given().contentType("application/json")
                .body(Map.of("description", "no name"))
                .post("/api/reference-sets")
                .then()
                .statusCode(400)
                .body(containsString("name"));
    }

    @Test
    void imagesAndAZipOfImagesAreAddedAndServed() throws IOException {
        long id = create("Trailer stills");
        given().header("X-Requested-With", "test")
                .multiPart("file", "still-1.png", png(Pictures.scene(914_001, 640, 360)), "image/png")
                .multiPart("file", "stills.zip", zip(914_002, 914_003), "application/zip")
                .post("/api/reference-sets/" + id + "/images")
                .then()
                .statusCode(201)
                .body("added", equalTo(3));
        JsonPath set = given().get("/api/reference-sets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("still-1.png", "stills.zip/b.png", "stills.zip/c.png"), set.getList("images.name"));
        given().get(set.getString("images[0].url")).then().statusCode(200).contentType("image/png");
    }

    @Test
    void fileThatIsNoImageIsRefusedNamingTheFileAndAddsNothing() {
        long id = create("Mixed upload");
        given().header("X-Requested-With", "test")
                .multiPart("file", "still.png", png(Pictures.scene(914_010, 320, 240)), "image/png")
                .multiPart("file", "notes.txt", "not a picture".getBytes(), "text/plain")
                .post("/api/reference-sets/" + id + "/images")
                .then()
                .statusCode(400)
                .body(containsString("notes.txt"));
        given().get("/api/reference-sets/" + id).then().body("imageCount", equalTo(0));
    }

    @Test
    void searchByUploadFindsTheReferenceImageItMirrors() {
        long id = create("Search target");
        given().header("X-Requested-With", "test")
                .multiPart("file", "target.png", png(Pictures.scene(914_020, 800, 600)), "image/png")
                .post("/api/reference-sets/" + id + "/images")
                .then()
                .statusCode(201);
        given().header("X-Requested-With", "test")
                .multiPart(
                        "file",
                        "query.jpg",
                        Pictures.encode(Pictures.mirrored(Pictures.scene(914_020, 400, 300)), 0.7f),
                        "image/jpeg")
                .post("/api/media/search")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("reference"))
                .body("[0].referenceName", equalTo("target.png"))
                .body("[0].transform", equalTo("MIRROR_HORIZONTAL"));
    }

    @Test
    void consoleSearchByImageShowsTheMatchAndTheReferenceSetsThumbnails() {
        long id = create("Console stills");
        given().header("X-Requested-With", "test")
                .multiPart("file", "console-still.png", png(Pictures.scene(914_030, 640, 480)), "image/png")
                .post("/api/reference-sets/" + id + "/images")
                .then()
                .statusCode(201);
        // The page sets the signed CSRF cookie its form carries.
        String token = given().get("/console/images")
                .then()
                .statusCode(200)
                .body(containsString("Console stills"), containsString("/api/reference-sets/" + id + "/images/"))
                .extract()
                .cookie("afterimage-csrf");
        given().cookie("afterimage-csrf", token)
                .multiPart("csrf", "forged")
                .multiPart("file", "query.jpg", Pictures.jpeg(914_030, 320, 240, 0.6f), "image/jpeg")
                .post("/console/images")
                .then()
                .statusCode(403)
                .body(not(containsString("console-still.png")));
        given().cookie("afterimage-csrf", token)
                .multiPart("csrf", token)
                .multiPart("file", "query.jpg", Pictures.jpeg(914_030, 320, 240, 0.6f), "image/jpeg")
                .post("/console/images")
                .then()
                .statusCode(200)
                .body(containsString("Seen before"), containsString("console-still.png"));
    }

    @Test
    void searchForAnUnknownFileIsRefusedNamingTheField() {
        given().contentType("application/json")
                .body(Map.of("sha256", "0".repeat(64)))
                .post("/api/media/search")
                .then()
                .statusCode(400)
                .body(containsString("sha256"));
    }

    @Test
    void videoBecomesOneReferenceImagePerSecondNamedByTime() throws Exception {
        assumeTrue(hasFfmpeg(), "ffmpeg is not installed (.ci/run installs it): skipping");
        Path dir = Files.createTempDirectory("video");
        for (int i = 0; i < 3; i++) {
            ImageIO.write(
                    Pictures.scene(914_100 + i, 320, 240),
                    "png",
                    dir.resolve("f" + i + ".png").toFile());
        }
        Path video = dir.resolve("trailer.mp4");
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-framerate",
                        "1",
                        "-i",
                        dir.resolve("f%d.png").toString(),
                        "-pix_fmt",
                        "yuv420p",
                        video.toString())
                .inheritIO()
                .start();
        assertEquals(0, ffmpeg.waitFor());
        long id = create("Video");
        given().header("X-Requested-With", "test")
                .multiPart("file", "trailer.mp4", Files.readAllBytes(video), "video/mp4")
                .post("/api/reference-sets/" + id + "/images")
                .then()
                .statusCode(201);
        List<String> names = given().get("/api/reference-sets/" + id)
                .then()
                .extract()
                .jsonPath()
                .getList("images.name");
        assertEquals("trailer.mp4#t=0", names.getFirst());
        assertEquals(true, names.contains("trailer.mp4#t=1"), names.toString());
    }

    private static boolean hasFfmpeg() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long create(String name) {
        return given().contentType("application/json")
                .body(Map.of("name", name, "description", "test"))
                .post("/api/reference-sets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static byte[] zip(long first, long second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("b.png"));
            zip.write(png(Pictures.scene(first, 320, 240)));
            zip.putNextEntry(new ZipEntry("c.png"));
            zip.write(png(Pictures.scene(second, 320, 240)));
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
