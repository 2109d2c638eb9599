package dev.afterimage.source.vk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms of a VK wall's address that name one wall. */
class VkNamingTest {

    private final VkNaming naming = new VkNaming(new VkConfig() {
        @Override
        public String baseUrl() {
            return "http://127.0.0.1:1";
        }

        @Override
        public String apiVersion() {
            return "5.199";
        }

        @Override
        public Optional<String> serviceToken() {
            return Optional.empty();
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

    @ParameterizedTest
    @CsvSource({
        "https://vk.com/mil, mil",
        "https://m.vk.com/mil, mil",
        "https://VK.com/Mil/, mil",
        "https://vk.com/club1000001, club1000001",
        "https://vk.com/public1000001, club1000001",
        "https://vk.com/event1000001, club1000001",
        "https://vk.com/id1, id1",
        "https://vk.com/wall-1000001_14, club1000001",
        "https://vk.ru/mil, mil"
    })
    void profileUrlNamesTheWall(String url, String handle) {
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"https://vk.com/feed", "https://vk.com/", "https://vk.com/mil/photos", "https://t.me/mil"})
    void otherUrlsAreNotWalls(String url) {
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"mil, domain=mil", "club1000001, owner_id=-1000001", "id1, owner_id=1"})
    void wallIsAskedForByNumberWhereItHasOne(String handle, String parameter) {
        assertEquals(parameter, VkNaming.wallParameter(handle));
    }
}
