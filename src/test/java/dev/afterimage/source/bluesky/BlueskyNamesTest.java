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
class BlueskyNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Ministry.bsky.social, ministry.bsky.social",
        "@ministry.bsky.social, ministry.bsky.social",
        "Gov.UK, gov.uk",
        "did:plc:iijrtk7ocored6zuziwmqq3c, did:plc:iijrtk7ocored6zuziwmqq3c",
        "did:web:example.com, did:web:example.com"
    })
    void handlesAreLowerCasedAndDidsKept(String given, String expected) {
        assertEquals(Optional.of(expected), BlueskyNames.normalise(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ministry", "-bad.example", "with space.example", "did:plc:TOOSHORT", "did:key:zabc", ""})
    void otherNamesAreNotHandles(String given) {
        assertEquals(Optional.empty(), BlueskyNames.normalise(given));
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
        assertEquals(Optional.of(handle), BlueskyNames.fromProfileUrl(URI.create(url)));
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
        assertEquals(Optional.empty(), BlueskyNames.fromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"ministry.bsky.social, 3jukterj4bp2j", "did:plc:iijrtk7ocored6zuziwmqq3c, 3kaheyt6vpc22"})
    void canonicalUrlsRoundTripThroughPostUrls(String account, String recordKey) {
        BlueskySource source = new BlueskySource(null, new TestConfig());
        AccountRef ref = new AccountRef(Platform.BLUESKY, account);

        String url = source.canonicalPostUrl(ref, recordKey);

        assertEquals("https://bsky.app/profile/" + account + "/post/" + recordKey, url);
        assertEquals(Optional.of(url), PostUrls.canonicalise(url).map(CanonicalPostUrl::url));
        assertEquals(Optional.of(recordKey), PostUrls.canonicalise(url).map(CanonicalPostUrl::postId));
        assertEquals("https://bsky.app/profile/" + account, source.canonicalAccountUrl(ref));
    }

    @ParameterizedTest
    @CsvSource({
        "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jukterj4bp2j, 3jukterj4bp2j",
        "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.like/3jukterj4bp2j, ''"
    })
    void recordKeysComeFromPostUrisOnly(String uri, String recordKey) {
        assertEquals(recordKey.isEmpty() ? Optional.empty() : Optional.of(recordKey), PostViews.recordKey(uri));
    }

    private record TestConfig() implements BlueskyConfig {
        @Override
        public String baseUrl() {
            return "http://127.0.0.1:1";
        }

        @Override
        public String jetstreamUrl() {
            return "ws://127.0.0.1:1/subscribe";
        }

        @Override
        public boolean jetstreamEnabled() {
            return false;
        }

        @Override
        public java.time.Duration jetstreamCheckEvery() {
            return java.time.Duration.ofSeconds(30);
        }

        @Override
        public java.time.Duration jetstreamPollDelay() {
            return java.time.Duration.ofSeconds(2);
        }
    }
}
