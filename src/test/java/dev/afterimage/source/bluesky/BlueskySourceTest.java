package dev.afterimage.source.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.OnePost;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bluesky source over HTTP, fed the real captured AppView answers: what it reads from a feed and a thread, and
 * which answers mean a post or an account is gone and which prove nothing.
 */
class BlueskySourceTest {

    private static final AccountRef SHINYA = new AccountRef(Platform.BLUESKY, "shinyakato.dev");
    private static final String SHINYA_DID = "did:plc:iijrtk7ocored6zuziwmqq3c";
    private static final AccountRef MARSHAL = new AccountRef(Platform.BLUESKY, "test.marshal.dev");
    private static final String MARSHAL_DID = "did:plc:kvwvcn5iqfooopmyzvb4qzba";
    private static final String FEED = "/xrpc/app.bsky.feed.getAuthorFeed";
    private static final String PROFILE = "/xrpc/app.bsky.actor.getProfile";
    private static final String THREAD = "/xrpc/app.bsky.feed.getPostThread";

    @RegisterExtension
    static final WireMockExtension appView = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final BlueskySource source = new BlueskySource(
            new WebClient(
                    FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofMillis(500)), new MutableClock()),
            new Config(appView.baseUrl()));

    @Test
    void realFeedIsAPageOfTheAccountsOwnPostsWithoutTheRepost() {
        serveProfile("shinyakato.dev", json(RealFixtures.read("bluesky/getProfile-shinyakato.dev-2023-04.json")));
        byte[] feed = RealFixtures.read("bluesky/getAuthorFeed-shinyakato.dev-2023-04.json");
        appView.stubFor(get(urlPathEqualTo(FEED))
                .withQueryParam("actor", equalTo("shinyakato.dev"))
                .withQueryParam("cursor", absent())
                .willReturn(json(feed)));

        ListingResult.Page page = assertInstanceOf(ListingResult.Page.class, source.listing(SHINYA, Optional.empty()));

        assertEquals(23, page.posts().size(), "25 items, two of them reposts of other accounts' posts");
        assertTrue(page.posts().stream()
                .allMatch(post -> post.url().startsWith("https://bsky.app/profile/shinyakato.dev/")));
        SourcePost newest = page.posts().getFirst();
        assertEquals("3jukterj4bp2j", newest.platformPostId());
        assertEquals("https://bsky.app/profile/shinyakato.dev/post/3jukterj4bp2j", newest.url());
        assertTrue(newest.revision().startsWith("bafyreidiuah"), newest.revision());
        assertEquals(Instant.parse("2023-04-30T04:42:29.589Z"), newest.publishedAt());
        assertEquals(Instant.parse("2023-04-30T04:42:30.113Z"), newest.versionAt());
        assertNotNull(newest.replyTo(), "a reply names the post it answers");
        assertTrue(newest.replyTo().startsWith("https://bsky.app/profile/did:plc:"), newest.replyTo());
        assertEquals(
                Optional.of("1682809172466::bafyreihdpdn7uiqmshzb2y4o67gzy2aeairq6phuk476k2oidhy2p5dbwu"),
                page.olderPageCursor());
        assertTrue(page.reachesFirstPost());
        assertArrayEquals(feed, page.capture().body());
        String body = new String(feed, StandardCharsets.UTF_8);
        for (SourcePost post : page.posts()) {
            assertTrue(
                    body.contains(new String(post.rawFragment(), StandardCharsets.UTF_8)),
                    "the raw fragment is the post's JSON exactly as received");
        }
    }

    @Test
    void realFeedImagesAreFullSizePhotosAndAnExternalEmbedIsALinkCard() throws Exception {
        serveProfile("shinyakato.dev", json(RealFixtures.read("bluesky/getProfile-shinyakato.dev-2023-04.json")));
        appView.stubFor(get(urlPathEqualTo(FEED))
                .willReturn(json(RealFixtures.read("bluesky/getAuthorFeed-shinyakato.dev-2023-04.json"))));

        List<SourcePost> posts = ((ListingResult.Page) source.listing(SHINYA, Optional.empty())).posts();

        SourcePost withImages = byKey(posts, "3jukoxegkhw2s");
        assertTrue(withImages.media().stream().allMatch(media -> media.kind() == MediaKind.PHOTO));
        assertTrue(withImages.media().getFirst().url().contains("rs:fit:2000:2000"), "the full size, not the thumb");
        SourcePost withLink = byKey(posts, "3jukdwsblqu2l");
        assertNotNull(withLink.linkPreview());
        JsonText raw = new JsonText(withLink.rawFragment());
        assertEquals(raw.at("/embed/external/uri"), withLink.linkPreview().url());
        assertEquals(raw.at("/embed/external/title"), withLink.linkPreview().title());
        assertNull(byKey(posts, "3jukamqbf2c2q").replyTo(), "a top-level post answers nothing");
    }

    @Test
    void olderPageIsAskedWithTheCursorAndWithoutAskingTheProfileAgain() {
        appView.stubFor(get(urlPathEqualTo(FEED))
                .withQueryParam("cursor", equalTo("1682809172466::bafy"))
                .willReturn(json("{\"feed\":[]}".getBytes(StandardCharsets.UTF_8))));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source.listing(SHINYA, Optional.of("1682809172466::bafy")));

        assertEquals(List.of(), page.posts());
        assertEquals(Optional.empty(), page.olderPageCursor());
        appView.verify(0, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void realThreadIsFoundWithTheImagesOfAQuoteWithMedia() {
        serveProfile("test.marshal.dev", json(profileOf(MARSHAL_DID)));
        appView.stubFor(get(urlPathEqualTo(THREAD))
                .withQueryParam("uri", equalTo("at://" + MARSHAL_DID + "/app.bsky.feed.post/3kaheyt6vpc22"))
                .withQueryParam("depth", equalTo("0"))
                .willReturn(json(RealFixtures.read("bluesky/getPostThread-3kaheyt6vpc22-images.json"))));

        PermalinkCheck.Found found =
                assertInstanceOf(PermalinkCheck.Found.class, OnePost.check(source, MARSHAL, post("3kaheyt6vpc22")));

        assertEquals(
                "https://bsky.app/profile/test.marshal.dev/post/3kaheyt6vpc22",
                found.post().url());
        assertEquals(
                List.of(new SourceMedia(
                        MediaKind.PHOTO,
                        "https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:kvwvcn5iqfooopmyzvb4qzba/"
                                + "bafkreic3cp5ky525vsukjvrzxsc2h3jka2gud74l2hgeatw2rhj2qycnmq@jpeg")),
                found.post().media());
        assertEquals(
                "bafyreigb666sdjyyaczcahxmf5tzh7dec6bwr3nhdab7llebn7vhsxzgr4",
                found.post().revision());
    }

    @Test
    void notFoundFromGetPostThreadIsGoneWithTheAnswerKept() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        byte[] notFound = ("{\"error\":\"NotFound\",\"message\":\"Post not found: at://" + SHINYA_DID
                        + "/app.bsky.feed.post/3jukterj4bp2j\"}")
                .getBytes(StandardCharsets.UTF_8);
        serveThread(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(notFound));

        PermalinkCheck.Gone gone =
                assertInstanceOf(PermalinkCheck.Gone.class, OnePost.check(source, SHINYA, post("3jukterj4bp2j")));

        assertTrue(gone.evidence().startsWith("https://bsky.app/profile/shinyakato.dev/post/3jukterj4bp2j"));
        assertTrue(gone.evidence().contains("NotFound"), gone.evidence());
        assertArrayEquals(notFound, gone.capture().body());
    }

    @Test
    void notFoundPostNodeIsGone() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        serveThread(json(("{\"thread\":{\"$type\":\"app.bsky.feed.defs#notFoundPost\",\"uri\":\"at://" + SHINYA_DID
                        + "/app.bsky.feed.post/3jukterj4bp2j\",\"notFound\":true}}")
                .getBytes(StandardCharsets.UTF_8)));

        assertInstanceOf(PermalinkCheck.Gone.class, OnePost.check(source, SHINYA, post("3jukterj4bp2j")));
    }

    @Test
    void blockedPostProvesNothing() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        serveThread(json("{\"thread\":{\"$type\":\"app.bsky.feed.defs#blockedPost\",\"blocked\":true}}"
                .getBytes(StandardCharsets.UTF_8)));

        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, SHINYA, post("3jukterj4bp2j")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "429", "404", "400-other", "garbage", "timeout"})
    void doubtfulThreadAnswersProveNothing(String answer) {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        serveThread(doubtful(answer));

        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, SHINYA, post("3jukterj4bp2j")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "429", "404", "400-other", "garbage", "timeout"})
    void doubtfulFeedAnswersProveNothing(String answer) {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        appView.stubFor(get(urlPathEqualTo(FEED)).willReturn(doubtful(answer)));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(SHINYA, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "429", "404", "400-other", "garbage", "timeout"})
    void doubtfulProfileAnswersProveNothing(String answer) {
        serveProfile("shinyakato.dev", doubtful(answer));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(SHINYA, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"error\":\"AccountDeactivated\",\"message\":\"Account is deactivated\"}",
                "{\"error\":\"AccountTakedown\",\"message\":\"Account has been suspended\"}",
                "{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}"
            })
    void accountTheAppViewRefusesIsGoneAndItsPostsAreNotAskedAbout(String refusal) {
        serveProfile(
                "shinyakato.dev",
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(refusal));
        serveThread(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"NotFound\",\"message\":\"Post not found\"}"));

        ListingResult.AccountGone gone =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(SHINYA, Optional.empty()));
        PermalinkCheck check = OnePost.check(source, SHINYA, post("3jukterj4bp2j"));

        assertTrue(gone.evidence().contains("shinyakato.dev"), gone.evidence());
        assertInstanceOf(PermalinkCheck.Unknown.class, check, "a post of an account that is gone proves nothing");
        appView.verify(0, getRequestedFor(urlPathEqualTo(THREAD)));
    }

    @Test
    void manyPostsAreCheckedWithOneProfileRequest() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        serveThread(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"NotFound\",\"message\":\"Post not found\"}"));

        Map<String, PermalinkCheck> checks = source.checkAll(SHINYA, List.of(post("3a"), post("3b"), post("3c")));

        assertEquals(List.of("3a", "3b", "3c"), List.copyOf(checks.keySet()));
        assertTrue(checks.values().stream().allMatch(PermalinkCheck.Gone.class::isInstance));
        appView.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
        appView.verify(3, getRequestedFor(urlPathEqualTo(THREAD)));
    }

    @Test
    void didOfAHandleIsAskedOnceAndADidIsItsOwn() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));

        assertEquals(Optional.of(SHINYA_DID), source.did("shinyakato.dev"));
        assertEquals(Optional.of(SHINYA_DID), source.did("shinyakato.dev"));
        assertEquals(Optional.of(MARSHAL_DID), source.did(MARSHAL_DID));
        appView.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void handleTakenOverByAnotherAccountIsTheWatchedAccountGoneNotItsPostsDeleted() {
        serveProfile("shinyakato.dev", json(profileOf(SHINYA_DID)));
        assertEquals(Optional.of(SHINYA_DID), source.did("shinyakato.dev"));
        serveProfile("shinyakato.dev", json(profileOf(MARSHAL_DID)));
        serveThread(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"NotFound\",\"message\":\"Post not found\"}"));

        ListingResult.AccountGone gone =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(SHINYA, Optional.empty()));

        assertTrue(gone.evidence().contains("now names another Bluesky account"), gone.evidence());
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, SHINYA, post("3jukterj4bp2j")));
        assertEquals(
                Optional.of(SHINYA_DID), source.did("shinyakato.dev"), "the stream keeps following the watched DID");
    }

    /** The stored DID is asked for, not the handle: a renamed account is still followed, after a restart too. */
    @Test
    void anAccountWhoseDidIsKnownIsReadByItsDid() {
        AccountRef watched = new AccountRef(Platform.BLUESKY, "shinyakato.dev", Map.of(), SHINYA_DID);
        serveProfile(SHINYA_DID, json(profileOf(SHINYA_DID)));
        serveProfile("shinyakato.dev", json(profileOf(MARSHAL_DID)));

        source.listing(watched, Optional.empty());

        appView.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withQueryParam("actor", equalTo(SHINYA_DID)));
        appView.verify(0, getRequestedFor(urlPathEqualTo(PROFILE)).withQueryParam("actor", equalTo("shinyakato.dev")));
        appView.verify(
                getRequestedFor(urlPathMatching(".*getAuthorFeed")).withQueryParam("actor", equalTo(SHINYA_DID)));
        assertEquals(Optional.of(SHINYA_DID), source.accountIdentity(watched));
    }

    private void serveProfile(String actor, ResponseDefinitionBuilder response) {
        appView.stubFor(get(urlPathEqualTo(PROFILE))
                .withQueryParam("actor", equalTo(actor))
                .willReturn(response));
    }

    private void serveThread(ResponseDefinitionBuilder response) {
        appView.stubFor(get(urlPathEqualTo(THREAD)).willReturn(response));
    }

    private static ResponseDefinitionBuilder doubtful(String answer) {
        return switch (answer) {
            case "garbage" -> aResponse().withStatus(200).withBody("<html>Please log in</html>");
            case "timeout" -> aResponse().withStatus(200).withFixedDelay(1_500).withBody("{}");
            case "400-other" ->
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"InvalidRequest\",\"message\":\"Error: uri must be a valid at-uri\"}");
            default -> aResponse().withStatus(Integer.parseInt(answer)).withBody("{\"error\":\"InternalServerError\"}");
        };
    }

    private static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static byte[] profileOf(String did) {
        return ("{\"did\":\"" + did + "\",\"handle\":\"someone.example\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static PostRef post(String recordKey) {
        return new PostRef(recordKey, "https://bsky.app/profile/x/post/" + recordKey);
    }

    private static SourcePost byKey(List<SourcePost> posts, String recordKey) {
        return posts.stream()
                .filter(post -> post.platformPostId().equals(recordKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no post " + recordKey));
    }

    private record JsonText(byte[] json) {
        String at(String pointer) throws java.io.IOException {
            return new ObjectMapper().readTree(json).at(pointer).asText();
        }
    }

    private record Config(String baseUrl) implements BlueskyConfig {
        @Override
        public String jetstreamUrl() {
            return "ws://127.0.0.1:1/subscribe";
        }

        @Override
        public boolean jetstreamEnabled() {
            return false;
        }

        @Override
        public Duration jetstreamCheckEvery() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration jetstreamPollDelay() {
            return Duration.ofSeconds(2);
        }
    }
}
