package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class TextHashBackfillTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    TextHashBackfill backfill;

    @Test
    void versionsArchivedBeforeTextHashesGetTheirsAtStartUp() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(3, Duration.ofMinutes(5), "Statement\u00a0");
        scenario.watch();
        scenario.poll();
        long versionId = scenario.postByPlatformId(3).getLong("versions[0].id");
        QuarkusTransaction.requiringNew().run(() -> PostVersion.update("textSha256 = null where id = ?1", versionId));

        backfill.onStart(null);

        String hash =
                QuarkusTransaction.requiringNew().call(() -> PostVersion.<PostVersion>findById(versionId).textSha256);
        assertEquals(NormalisedContent.textHash("Statement"), hash);
    }
}
