package dev.afterimage.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Handles, DIDs, profile URLs and canonical URLs, agreeing with {@link PostUrls}. */
class BlueskyNamingTest {

    private final BlueskyNaming naming = new BlueskyNaming();

    @ParameterizedTest
    @CsvSource({
        "Ministry.bsky.social, ministry.bsky.social",
        "@ministry.bsky.social, ministry.bsky.social",
        "Gov.UK, gov.uk",
        "did:plc:iijrtk7ocored6zuziwmqq3c, did:plc:iijrtk7ocored6zuziwmqq3c",
        "did:web:example.com, did:web:example.com"
    })
    void handlesAreLowerCasedAndDidsKept(String given, String expected) {
        assertEquals(Optional.of(expected), naming.normaliseHandle(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ministry", "-bad.example", "with space.example", "did:plc:TOOSHORT", "did:key:zabc", ""})
    void otherNamesAreNotHandles(String given) {
        assertEquals(Optional.empty(), naming.normaliseHandle(given));
    }

    @ParameterizedTest
    @CsvSource({
        "https://bsky.app/profile/Ministry.bsky.social, ministry.bsky.social",
        "https://bsky.app/profile/ministry.bsky.social/, ministry.bsky.social",
        "https://BSKY.app/profile/ministry.bsky.social/post/3jukterj4bp2j, ministry.bsky.social",
        "https://bsky.app/profile/did:plc:iijrtk7ocored6zuziwmqq3c, did:plc:iijrtk7ocored6zuziwmqq3c",
        "https://bsky.app/profile/did%3Aplc%3Aiijrtk7ocored6zuziwmqq3c, did:plc:iijrtk7ocored6zuziwmqq3c"
    })
    void profileAndPostUrlsNameTheAccount(String url, String handle) {
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://bsky.app/",
                "https://bsky.app/search?q=x",
                "https://t.me/durov",
                "https://ministry.bsky.social/",
                "https://x.com/profile/ministry.bsky.social"
            })
    void otherUrlsAreNoBlueskyProfile(String url) {
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"ministry.bsky.social, 3jukterj4bp2j", "did:plc:iijrtk7ocored6zuziwmqq3c, 3kaheyt6vpc22"})
    void canonicalUrlsRoundTripThroughPostUrls(String account, String recordKey) {
        AccountRef ref = new AccountRef(Platform.BLUESKY, account);

        String url = naming.canonicalPostUrl(ref, recordKey);

        assertEquals("https://bsky.app/profile/" + account + "/post/" + recordKey, url);
        assertEquals(Optional.of(url), PostUrls.canonicalise(url).map(CanonicalPostUrl::url));
        assertEquals(Optional.of(recordKey), PostUrls.canonicalise(url).map(CanonicalPostUrl::postId));
        assertEquals("https://bsky.app/profile/" + account, naming.canonicalAccountUrl(ref));
    }

    @ParameterizedTest
    @CsvSource({
        "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jukterj4bp2j, 3jukterj4bp2j",
        "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.like/3jukterj4bp2j, ''"
    })
    void recordKeysComeFromPostUrisOnly(String uri, String recordKey) {
        assertEquals(recordKey.isEmpty() ? Optional.empty() : Optional.of(recordKey), PostViews.recordKey(uri));
    }
}
