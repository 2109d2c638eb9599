package dev.afterimage.source.vk;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.Platform;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VK source without a service token: refused with the key named, and never a guess. */
class VkSourceTest {

    private final VkSource withoutToken =
            new VkSource(new WebClient(FixedFetchConfig.forLocalServer(), new MutableClock()), new VkConfig() {
                @Override
                public String baseUrl() {
                    return "http://127.0.0.1:9";
                }

                @Override
                public String apiVersion() {
                    return "5.199";
                }

                @Override
                public Optional<String> serviceToken() {
                    return Optional.of(" ");
                }

                @Override
                public int pageSize() {
                    return 100;
                }

                @Override
                public Duration defaultPollInterval() {
                    return Duration.ofMinutes(2);
                }
            });

    @Test
    void withoutATokenTheSourceNamesTheKeyAndAnswersUnknown() {
        String reason = withoutToken.disabledReason().orElseThrow();

        assertTrue(reason.startsWith("set afterimage.platforms.vk.service-token"), reason);
        assertInstanceOf(
                ListingResult.Unknown.class,
                withoutToken.listing(new AccountRef(Platform.VK, "mil"), Optional.empty()));
    }
}
