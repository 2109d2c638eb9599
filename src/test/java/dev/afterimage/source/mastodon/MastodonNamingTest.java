package dev.afterimage.source.mastodon;

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

/** Which handles and profile URLs name a Mastodon account, and the public URLs of an account and its posts. */
class MastodonNamingTest {

    private final MastodonNaming naming = new MastodonNaming();

    @ParameterizedTest
    @CsvSource({
        "gov@social.example, gov@social.example",
        "@Gov@Social.Example, gov@social.example",
        "' press_office@mastodon.gov.example ', press_office@mastodon.gov.example",
        "first.last@instance.example, first.last@instance.example"
    })
    void handlesAreLowerCasedWithoutTheLeadingAt(String given, String normalised) {
        assertEquals(Optional.of(normalised), naming.normaliseHandle(given));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gov",
                "@gov",
                "gov@",
                "@gov@",
                "gov@localhost",
                "gov@10.0.0.1",
                "a@b@c.example",
                "gov ernment@social.example",
                "gov@social.example:8080",
                "-gov@social.example"
            })
    void otherTextsAreNoHandles(String given) {
        assertEquals(Optional.empty(), naming.normaliseHandle(given));
    }

    @ParameterizedTest
    @CsvSource({
        "https://social.example/@Gov, gov@social.example",
        "https://social.example/@gov/, gov@social.example",
        "http://Social.Example/@gov, gov@social.example",
        "https://social.example/@gov/112233445566, gov@social.example",
        "https://social.example/users/gov, gov@social.example",
        "https://mastodon.social/@halcy@icosahedron.website, halcy@icosahedron.website",
        "https://social.example/@gov?utm_source=x#top, gov@social.example"
    })
    void profileUrlsNameTheAccountAtItsHome(String url, String handle) {
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://social.example/",
                "https://social.example/gov",
                "https://social.example/@gov/media",
                "https://social.example/web/statuses/1",
                "https://social.example/users/gov/statuses/1",
                "https://127.0.0.1/@gov",
                "ftp://social.example/@gov",
                "https://social.example/tags/gov"
            })
    void otherUrlsAreNotMastodonProfiles(String url) {
        assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource({"gov@social.example, 112233445566", "first.last@instance.example, 1"})
    void canonicalUrlsAreTheInstancesOwnAndRoundTrip(String handle, String id) {
        AccountRef account = new AccountRef(Platform.MASTODON, handle);
        String user = handle.substring(0, handle.indexOf('@'));
        String instance = handle.substring(handle.indexOf('@') + 1);

        String postUrl = naming.canonicalPostUrl(account, id);

        assertEquals("https://" + instance + "/@" + user, naming.canonicalAccountUrl(account));
        assertEquals("https://" + instance + "/@" + user + "/" + id, postUrl);
        assertEquals(Optional.of(new CanonicalPostUrl("mastodon", user, id, postUrl)), PostUrls.canonicalise(postUrl));
        assertEquals(Optional.of(handle), naming.handleFromProfileUrl(URI.create(postUrl)));
    }
}
