package dev.afterimage.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/** The WARC export, read back with jwarc: every fetch is there as a request and a response, and every digest holds. */
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
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                assertEquals("WARC/1.1", record.version().toString());
                if (record instanceof WarcResponse response) {
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

        given().header("X-Requested-With", "test")
                .get("/api/accounts/" + scenario.accountId() + "/export.warc.gz")
                .then()
                .statusCode(200);
        given().header("X-Requested-With", "test")
                .get("/api/posts/987654321/export.warc.gz")
                .then()
                .statusCode(404);
    }
}
