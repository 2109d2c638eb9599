package dev.afterimage.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.testkit.FixedFetchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WebClientDownloadTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** Random but fixed bytes, so the hash cannot come out right by accident. */
    private static final byte[] IMAGE = randomBytes(200_000);

    private final WebClient client = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());

    @TempDir
    Path directory;

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void downloadFollowsRedirectAndHashesTheBytes() throws Exception {
        server.stubFor(get("/media/1").willReturn(aResponse().withStatus(302).withHeader("Location", "/cdn/1.jpg")));
        server.stubFor(get("/cdn/1.jpg")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(IMAGE)));

        DownloadOutcome.Downloaded downloaded =
                assertInstanceOf(DownloadOutcome.Downloaded.class, client.download(url("/media/1"), directory));

        assertEquals(url("/media/1"), downloaded.url());
        assertEquals(IMAGE.length, downloaded.size());
        assertEquals(sha256(IMAGE), downloaded.sha256());
        assertEquals("image/jpeg", downloaded.contentType());
        assertEquals(directory, downloaded.file().getParent());
        assertArrayEquals(IMAGE, Files.readAllBytes(downloaded.file()));
    }

    @Test
    void contentTypeParametersAreDropped() {
        server.stubFor(get("/clip")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4; codecs=\"avc1.42E01E\"")
                        .withBody(IMAGE)));

        DownloadOutcome.Downloaded downloaded =
                assertInstanceOf(DownloadOutcome.Downloaded.class, client.download(url("/clip"), directory));

        assertEquals("video/mp4", downloaded.contentType());
    }

    @Test
    void mediaOverSizeLimitFailsAndLeavesNoFile() throws IOException {
        WebClient small =
                new WebClient(FixedFetchConfig.forLocalServer().withMaxMediaBytes(IMAGE.length - 1), Clock.systemUTC());
        server.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody(IMAGE)));

        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, small.download(url("/huge"), directory));

        assertTrue(failed.reason().contains("max-media-bytes"), failed.reason());
        assertEquals(0, filesIn(directory));
    }

    @Test
    void mediaWithoutContentLengthIsStoppedAtSizeLimitAndLeavesNoFile() throws IOException {
        WebClient small =
                new WebClient(FixedFetchConfig.forLocalServer().withMaxMediaBytes(IMAGE.length - 1), Clock.systemUTC());
        server.stubFor(get("/huge")
                .willReturn(aResponse().withStatus(200).withBody(IMAGE).withChunkedDribbleDelay(10, 100)));

        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, small.download(url("/huge"), directory));

        assertTrue(failed.reason().contains("max-media-bytes"), failed.reason());
        assertEquals(0, filesIn(directory));
    }

    @Test
    void errorStatusFailsWithTheStatusAndLeavesNoFile() throws IOException {
        server.stubFor(get("/broken.jpg").willReturn(aResponse().withStatus(500).withBody("oops")));

        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download(url("/broken.jpg"), directory));

        assertTrue(failed.reason().startsWith("HTTP 500"), failed.reason());
        assertEquals(0, filesIn(directory));
    }

    @Test
    void missingFileIsGoneAtSourceWithItsStatus() throws IOException {
        server.stubFor(
                get("/missing.jpg").willReturn(aResponse().withStatus(404).withBody("not here")));

        DownloadOutcome.Gone gone =
                assertInstanceOf(DownloadOutcome.Gone.class, client.download(url("/missing.jpg"), directory));

        assertEquals(404, gone.status());
        assertEquals(0, filesIn(directory));
    }

    @Test
    void redirectLoopFails() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download(url("/loop"), directory));

        assertEquals("more than 20 redirects", failed.reason());
    }

    @Test
    void nonHttpSchemeFails() {
        DownloadOutcome.Failed failed =
                assertInstanceOf(DownloadOutcome.Failed.class, client.download("ftp://example.com/a.jpg", directory));

        assertEquals("unsupported scheme 'ftp': only http and https URLs are fetched", failed.reason());
    }
}
