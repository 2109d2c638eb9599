package dev.afterimage.testkit;

import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.afterimage.evidence.stamp.ChainStamper;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A post that was published with a photo, edited and deleted, downloaded as an evidence package: the bytes, each file
 * in it by path, and the post as the API shows it.
 */
public record EvidencePackage(
        byte[] wacz, Map<String, byte[]> files, Map<String, Integer> methods, JsonPath post, long accountId) {

    public static final String FIRST_TEXT = "Evidence of the crossing at dawn";
    public static final String EDITED_TEXT = "Evidence of the crossing, edited";

    public static EvidencePackage ofEditedAndDeletedPost(WireMockServer wireMock, MutableClock clock) {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), FIRST_TEXT).photo(scenario.picture("evidence-photo", 2017));
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(1, EDITED_TEXT);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        scenario.channel.delete(1);
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        stampTheChain(wireMock, scenario);
        JsonPath post = scenario.postByPlatformId(1);
        byte[] wacz = given().header("X-Requested-With", "test")
                .get("/api/posts/" + post.getLong("post.id") + "/evidence.wacz")
                .then()
                .statusCode(200)
                .contentType("application/wacz")
                .extract()
                .asByteArray();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wacz))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
                methods.put(entry.getName(), entry.getMethod());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvidencePackage(wacz, files, methods, post, scenario.accountId());
    }

    /** The test authority (see {@link WireMockResource}) dates the chain's head, past any earlier stamp's pause. */
    private static void stampTheChain(WireMockServer wireMock, TelegramScenario scenario) {
        wireMock.stubFor(WireMock.post(WireMockResource.TSA_PATH)
                .willReturn(WireMock.aResponse().withTransformers(TestTsaTransformer.NAME)));
        scenario.advance(Duration.ofMinutes(11));
        if (Arc.container().instance(ChainStamper.class).get().stampDue().isEmpty()) {
            throw new IllegalStateException("the test authority stamped nothing");
        }
    }
}
