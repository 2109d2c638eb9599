package dev.afterimage.source.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms of a VK wall post's URL, all to the one archived under. */
class VkPostUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://vk.com/wall-1000001_14, https://vk.com/wall-1000001_14, club1000001, -1000001_14",
        "https://m.vk.com/wall-1000001_14, https://vk.com/wall-1000001_14, club1000001, -1000001_14",
        "vk.ru/wall-1000001_14, https://vk.com/wall-1000001_14, club1000001, -1000001_14",
        "https://vk.com/wall1_45, https://vk.com/wall1_45, id1, 1_45"
    })
    void wallPostUrlIsCanonical(String pasted, String canonical, String account, String postId) {
        assertEquals(
                Optional.of(new CanonicalPostUrl("vk", account, postId, canonical)), PostUrls.canonicalise(pasted));
    }

    @ParameterizedTest
    @CsvSource({"https://vk.com/mil", "https://vk.com/wall-0_1", "https://vk.com/wall-1_2/extra"})
    void otherVkUrlsAreNoPost(String pasted) {
        assertEquals(Optional.empty(), PostUrls.canonicalise(pasted));
    }
}
