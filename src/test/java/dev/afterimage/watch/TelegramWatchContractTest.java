package dev.afterimage.watch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.FakePlatform;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramPlatform;
import dev.afterimage.testkit.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The {@link WatchContract} against a fake Telegram channel. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class TelegramWatchContractTest extends WatchContract {

    @Override
    protected FakePlatform newPlatform(WireMockServer wireMock, MutableClock clock) {
        return new TelegramPlatform(wireMock, clock);
    }
}
