package dev.afterimage.source.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.afterimage.source.url.PostUrls;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The X source over HTTP, fed the real captured API answers and variants of them. */
class XSourceTest {

    private static final AccountRef TWITTER = new AccountRef(Platform.X, "twitter");
    private static final String USER = "/2/users/by/username/twitter";
    private static final String TIMELINE = "/2/users/783214/tweets";

    @RegisterExtension
    static final WireMockExtension x = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock();
    private final XSource source = source("test-bearer-token");
    private final XNaming naming = new XNaming(config("test-bearer-token", 100));

    private XSource source(String token) {
        return source(token, 100);
    }

    private XSource source(String token, int pageSize) {
        return new XSource(
                new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(2)), clock),
                config(token, pageSize));
    }

    private XConfig config(String token, int pageSize) {
        return new XConfig() {
            @Override
            public String baseUrl() {
                return x.baseUrl();
            }

            @Override
            public Optional<String> bearerToken() {
                return Optional.of(token);
            }

            @Override
            public int pageSize() {
                return pageSize;
            }

            @Override
            public Duration defaultPollInterval() {
                return Duration.ofMinutes(5);
            }
        };
    }

    @Test
    void realTimelineIsAPageOfCanonicalPostsWithTheNextToken() {
        serve(USER, json(RealFixtures.read("x/tweepy-user-by-username-Twitter.json")));
        serve(TIMELINE, json(RealFixtures.read("x/tweepy-users-783214-tweets-default-fields.json")));

        ListingResult.Page page = listing(Optional.empty());

        assertEquals(List.of("1577730467436138524", "1565318587736285184"), ids(page.posts()));
        SourcePost first = page.posts().getFirst();
        assertEquals("https://x.com/i/status/1577730467436138524", first.url());
        assertEquals(
                first.url(), PostUrls.canonicalise(first.url()).orElseThrow().url());
        assertTrue(first.text().startsWith("whoa, it works\n\nnow everyone"), first.text());
        assertTrue(first.html().startsWith("whoa, it works<br><br>now everyone"), first.html());
        assertEquals("1577730467436138524", first.revision());
        assertFalse(first.edited());
        assertEquals(Optional.of("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"), page.olderPageCursor());
        assertTrue(new String(first.rawFragment(), StandardCharsets.UTF_8).contains("\"id\":\"1577730467436138524\""));
        x.verify(getRequestedFor(urlPathEqualTo(TIMELINE))
                .withHeader("Authorization", equalTo("Bearer test-bearer-token"))
                .withQueryParam("exclude", equalTo("retweets"))
                .withQueryParam("max_results", equalTo("100")));
        assertTrue(page.capture().exchange().requestHead().contains("Authorization: [redacted]"));
    }

    @Test
    void olderPageIsAskedWithThePaginationTokenAndTheUserIdIsLookedUpOnce() {
        serve(USER, json(RealFixtures.read("x/tweepy-user-by-username-Twitter.json")));
        serve(TIMELINE, json(RealFixtures.read("x/tweepy-users-783214-tweets-default-fields.json")));

        listing(Optional.empty());
        listing(Optional.of("next-page"));

        x.verify(1, getRequestedFor(urlPathEqualTo(USER)));
        x.verify(getRequestedFor(urlPathEqualTo(TIMELINE)).withQueryParam("pagination_token", equalTo("next-page")));
    }

    @Test
    void realTimelineWithDatesGivesPublicationTimes() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json(RealFixtures.read("x/users-956624418-tweets.json")));

        ListingResult.Page page = listing(Optional.empty());

        assertFalse(page.posts().isEmpty());
        assertEquals(
                Instant.parse("2021-06-02T14:53:43Z"), page.posts().getFirst().publishedAt());
        assertEquals(Optional.empty(), page.olderPageCursor());
    }

    @Test
    void mediaComeFromTheIncludesByKey() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(
                TIMELINE,
                json(
                        """
                {"data":[{"id":"1600000000000000000","edit_history_tweet_ids":["1600000000000000000"],
                  "text":"three","created_at":"2022-12-06T07:50:00.000Z",
                  "attachments":{"media_keys":["3_1","7_2","16_3","3_missing"]}}],
                 "includes":{"media":[
                  {"media_key":"3_1","type":"photo","url":"https://pbs.twimg.com/media/a.jpg"},
                  {"media_key":"7_2","type":"video","preview_image_url":"https://pbs.twimg.com/v.jpg","variants":[
                    {"content_type":"application/x-mpegURL","url":"https://video.twimg.com/v.m3u8"},
                    {"content_type":"video/mp4","bit_rate":256000,"url":"https://video.twimg.com/low.mp4"},
                    {"content_type":"video/mp4","bit_rate":2176000,"url":"https://video.twimg.com/high.mp4"}]},
                  {"media_key":"16_3","type":"animated_gif","preview_image_url":"https://pbs.twimg.com/g.jpg"}]},
                 "meta":{"result_count":1}}
                """));

        SourcePost post = listing(Optional.empty()).posts().getFirst();

        assertEquals(
                List.of(
                        new SourceMedia(MediaKind.PHOTO, "https://pbs.twimg.com/media/a.jpg"),
                        new SourceMedia(MediaKind.VIDEO, "https://video.twimg.com/high.mp4"),
                        new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://pbs.twimg.com/g.jpg")),
                post.media());
    }

    @Test
    void editedTweetIsANewRevisionOfTheOriginal() {
        String original = snowflake(Instant.parse("2022-12-06T07:50:00Z"));
        String edit = snowflake(Instant.parse("2022-12-06T08:05:00Z"));
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(
                TIMELINE,
                json("{\"data\":[{\"id\":\"" + edit + "\",\"edit_history_tweet_ids\":[\"" + original + "\",\""
                        + edit + "\"],\"text\":\"fixed\",\"created_at\":\"2022-12-06T08:05:00.000Z\"}],"
                        + "\"meta\":{\"result_count\":1}}"));

        SourcePost post = listing(Optional.empty()).posts().getFirst();

        assertEquals(original, post.platformPostId());
        assertEquals("https://x.com/i/status/" + original, post.url());
        assertEquals(edit, post.revision());
        assertTrue(post.edited());
        assertEquals(Instant.parse("2022-12-06T07:50:00Z"), post.publishedAt());
        assertEquals(Instant.parse("2022-12-06T08:05:00Z"), post.versionAt());
    }

    @Test
    void replyNamesTheTweetItAnswers() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(
                TIMELINE,
                json(
                        "{\"data\":[{\"id\":\"5\",\"text\":\"@a yes\",\"created_at\":\"2020-01-01T00:00:00.000Z\","
                                + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"4\"}]}],\"meta\":{\"result_count\":1}}"));

        SourcePost post = listing(Optional.empty()).posts().getFirst();

        assertEquals("https://x.com/i/status/4", post.replyTo());
        assertEquals("5", post.platformPostId());
    }

    @Test
    void accountWithoutTweetsIsAnEmptyLastPage() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json("{\"meta\":{\"result_count\":0}}"));

        ListingResult.Page page = listing(Optional.empty());

        assertEquals(List.of(), page.posts());
        assertEquals(Optional.empty(), page.olderPageCursor());
    }

    @Test
    void unknownUserIsAccountGone() {
        serve(
                USER,
                json(
                        """
                {"errors":[{"value":"twitter","detail":"Could not find user with username: [twitter].",
                 "title":"Not Found Error","resource_type":"user","parameter":"username","resource_id":"twitter",
                 "type":"https://api.twitter.com/2/problems/resource-not-found"}]}"""));

        ListingResult.AccountGone gone =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(TWITTER, Optional.empty()));

        assertTrue(gone.evidence().contains("Could not find user"), gone.evidence());
    }

    @Test
    void protectedOrSuspendedUserIsAccountGoneSayingWhich() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\",\"protected\":true}}"));
        assertTrue(assertInstanceOf(ListingResult.AccountGone.class, source.listing(TWITTER, Optional.empty()))
                .evidence()
                .contains("protected"));

        serve(
                USER,
                json(
                        """
                {"errors":[{"value":"twitter","detail":"User has been suspended: [twitter].","title":"Forbidden",
                 "resource_type":"user","parameter":"username","resource_id":"twitter",
                 "type":"https://api.twitter.com/2/problems/resource-not-found"}]}"""));
        assertTrue(assertInstanceOf(ListingResult.AccountGone.class, source.listing(TWITTER, Optional.empty()))
                .evidence()
                .contains("suspended"));
    }

    @Test
    void timelineOfAVanishedUserIdIsCheckedAgainstTheUsername() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json(RealFixtures.read("x/tweepy-users-783214-tweets-default-fields.json")));
        listing(Optional.empty());
        serve(TIMELINE, json(RealFixtures.read("x/users-tweets-user-not-found.json")));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(TWITTER, Optional.empty()));

        serve(USER, json(RealFixtures.read("x/users-tweets-user-not-found.json")));
        assertInstanceOf(ListingResult.AccountGone.class, source.listing(TWITTER, Optional.empty()));
        x.verify(3, getRequestedFor(urlPathEqualTo(USER)));
    }

    @Test
    void troubleProvesNothing() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        for (ResponseDefinitionBuilder trouble : List.of(
                aResponse().withStatus(503),
                aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\"}"),
                json("<html>not json</html>"),
                json("{\"data\":\"what\"}"),
                aResponse().withStatus(200).withFixedDelay(2_500).withBody("{}"))) {
            serve(TIMELINE, trouble);
            assertInstanceOf(ListingResult.Unknown.class, source.listing(TWITTER, Optional.empty()));
        }
        serve(USER, aResponse().withStatus(500));
        assertInstanceOf(
                ListingResult.Unknown.class, source.listing(new AccountRef(Platform.X, "other"), Optional.empty()));
    }

    @Test
    void rateLimitedTimelineIsUnknownAndTheHostIsLeftAlone() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, aResponse().withStatus(429).withHeader("Retry-After", "60"));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(TWITTER, Optional.empty()));
        ListingResult.Unknown waiting =
                assertInstanceOf(ListingResult.Unknown.class, source.listing(TWITTER, Optional.empty()));

        assertTrue(waiting.reason().contains("rate limited"), waiting.reason());
        x.verify(1, getRequestedFor(urlPathEqualTo(TIMELINE)));
    }

    @Test
    void lookupAnswersFoundAndGonePerIdOnceTheAccountIsFine() {
        serve(USER, json(RealFixtures.read("x/tweepy-user-by-username-Twitter.json")));
        serve("/2/tweets", json(RealFixtures.read("x/tweets-lookup-1-found-14-missing.json")));
        List<PostRef> asked = IntStream.rangeClosed(1, 14)
                .mapToObj(id -> ref(String.valueOf(id)))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        asked.add(ref("1266854586188476421"));
        asked.add(ref("99"));

        Map<String, PermalinkCheck> answers = source.checkAll(TWITTER, asked);

        assertEquals(16, answers.size());
        assertInstanceOf(PermalinkCheck.Found.class, answers.get("1266854586188476421"));
        PermalinkCheck.Gone gone = assertInstanceOf(PermalinkCheck.Gone.class, answers.get("3"));
        assertTrue(gone.evidence().contains("Could not find tweet with ids: [3]."), gone.evidence());
        assertTrue(new String(gone.capture().body(), StandardCharsets.UTF_8).contains("Not Found Error"));
        assertInstanceOf(PermalinkCheck.Unknown.class, answers.get("99"), "absent from both lists");
        x.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets")));
        x.verify(1, getRequestedFor(urlPathEqualTo(USER)));
    }

    @Test
    void notFoundTweetsOfAnAccountThatIsNotFineAreUnknown() {
        serve("/2/tweets", json(RealFixtures.read("x/tweets-lookup-all-15-missing.json")));
        serve(
                USER,
                json("{\"errors\":[{\"detail\":\"User has been suspended: [twitter].\",\"title\":\"Forbidden\","
                        + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"));

        Map<String, PermalinkCheck> answers = source.checkAll(TWITTER, List.of(ref("1"), ref("2")));

        PermalinkCheck.Unknown unknown = assertInstanceOf(PermalinkCheck.Unknown.class, answers.get("1"));
        assertTrue(unknown.reason().contains("suspended"), unknown.reason());
        assertInstanceOf(PermalinkCheck.Unknown.class, answers.get("2"));

        serve(USER, aResponse().withStatus(503));
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, TWITTER, ref("1")));
    }

    @Test
    void notFoundTweetsOfAHandleNowHeldByAnotherAccountAreUnknown() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json("{\"meta\":{\"result_count\":0}}"));
        listing(Optional.empty());
        serve(USER, json("{\"data\":{\"id\":\"42\",\"username\":\"twitter\"}}"));
        serve("/2/tweets", json(RealFixtures.read("x/tweets-lookup-all-15-missing.json")));

        PermalinkCheck.Unknown unknown =
                assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, TWITTER, ref("1")));

        assertTrue(unknown.reason().contains("another account"), unknown.reason());
    }

    /** After a restart nothing is cached: the stored id is what tells the watched account from a newcomer. */
    @Test
    void theStoredUserIdOutlivesTheCacheAndAHandleNowHeldByAnotherAccountProvesNothing() {
        AccountRef watched = new AccountRef(Platform.X, "twitter", Map.of(), "783214");
        serve(USER, json("{\"data\":{\"id\":\"42\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json("{\"meta\":{\"result_count\":0}}"));
        serve("/2/tweets", json(RealFixtures.read("x/tweets-lookup-all-15-missing.json")));

        assertInstanceOf(ListingResult.Page.class, source.listing(watched, Optional.empty()));
        x.verify(getRequestedFor(urlPathEqualTo(TIMELINE)));
        assertEquals(Optional.of("783214"), source.accountIdentity(watched));
        PermalinkCheck.Unknown unknown =
                assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, watched, ref("1")));
        assertTrue(unknown.reason().contains("another account"), unknown.reason());
    }

    @Test
    void notAuthorizedIsAccountLevelAndUnknown() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(
                "/2/tweets",
                json(
                        """
                {"errors":[{"value":"7","detail":"Sorry, you are not authorized to see the Tweet with ids: [7].",
                 "title":"Authorization Error","resource_type":"tweet","parameter":"ids","resource_id":"7",
                 "type":"https://api.twitter.com/2/problems/not-authorized-for-resource"}]}"""));

        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, TWITTER, ref("7")));
    }

    @Test
    void editedTweetIsFoundByItsOriginalId() {
        serve(
                "/2/tweets",
                json("{\"data\":[{\"id\":\"20\",\"edit_history_tweet_ids\":[\"10\",\"20\"],\"text\":\"b\","
                        + "\"created_at\":\"2023-01-01T00:00:00.000Z\"}]}"));

        PermalinkCheck.Found found =
                assertInstanceOf(PermalinkCheck.Found.class, OnePost.check(source, TWITTER, ref("10")));

        assertEquals("10", found.post().platformPostId());
        assertEquals("20", found.post().revision());
    }

    @Test
    void lookupTroubleIsUnknownForEveryId() {
        for (ResponseDefinitionBuilder trouble : List.of(
                aResponse().withStatus(502),
                json("garbage"),
                aResponse().withStatus(200).withFixedDelay(2_500).withBody("{}"))) {
            serve("/2/tweets", trouble);
            Map<String, PermalinkCheck> answers = source.checkAll(TWITTER, List.of(ref("1"), ref("2")));
            assertInstanceOf(PermalinkCheck.Unknown.class, answers.get("1"));
            assertInstanceOf(PermalinkCheck.Unknown.class, answers.get("2"));
        }
    }

    @Test
    void moreThanAHundredIdsAreAskedInBatchesOfAHundred() {
        serve("/2/tweets", json("{\"data\":[]}"));
        List<PostRef> asked = IntStream.rangeClosed(1, 150)
                .mapToObj(id -> ref(String.valueOf(id)))
                .toList();

        assertEquals(150, source.checkAll(TWITTER, asked).size());

        x.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets")).withQueryParam("ids", matching("1,2,.*,100")));
        x.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets")).withQueryParam("ids", matching("101,.*,150")));
    }

    @Test
    void withoutATokenTheSourceIsDisabledAndAnswersUnknown() {
        XSource disabled = source(" ");

        assertEquals(
                Optional.of("set afterimage.platforms.x.bearer-token (an X API v2 bearer token)"),
                disabled.disabledReason());
        assertInstanceOf(ListingResult.Unknown.class, disabled.listing(TWITTER, Optional.empty()));
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(disabled, TWITTER, ref("1")));
        assertEquals(Optional.empty(), source.disabledReason());
        assertEquals(0, x.getAllServeEvents().size());
    }

    @Test
    void pageSizeIsTheTimelinesMaxResultsWithinXsBounds() {
        serve(USER, json("{\"data\":{\"id\":\"783214\",\"username\":\"twitter\"}}"));
        serve(TIMELINE, json("{\"meta\":{\"result_count\":0}}"));

        source("test-bearer-token", 20).listing(TWITTER, Optional.empty());

        x.verify(getRequestedFor(urlPathEqualTo(TIMELINE)).withQueryParam("max_results", equalTo("20")));
        IllegalArgumentException tooBig =
                assertThrows(IllegalArgumentException.class, () -> source("test-bearer-token", 101));
        assertTrue(tooBig.getMessage().contains("afterimage.platforms.x.page-size"), tooBig.getMessage());
    }

    @Test
    void handlesAndUrls() {
        assertEquals(Optional.of("nasa_hq"), naming.normaliseHandle("@NASA_HQ"));
        assertEquals(Optional.empty(), naming.normaliseHandle("sixteen_letters_"));
        assertEquals(Optional.empty(), naming.normaliseHandle("bad-name"));
        assertEquals(Optional.of("nasa"), naming.handleFromProfileUrl(java.net.URI.create("https://x.com/NASA")));
        assertEquals(
                Optional.of("nasa"), naming.handleFromProfileUrl(java.net.URI.create("https://twitter.com/nasa/")));
        assertEquals(
                Optional.of("nasa"),
                naming.handleFromProfileUrl(java.net.URI.create("https://mobile.twitter.com/nasa?lang=en")));
        assertEquals(
                Optional.of("nasa"),
                naming.handleFromProfileUrl(java.net.URI.create("https://x.com/nasa/status/1577730467436138524")));
        for (String other : List.of(
                "https://x.com/home",
                "https://x.com/i/status/1",
                "https://x.com/search?q=a",
                "https://x.com/settings",
                "https://x.com/explore",
                "https://twitter.com/intent/tweet",
                "https://x.com/",
                "https://x.com/nasa/likes",
                "https://t.me/nasa",
                "https://example.com/nasa")) {
            assertEquals(Optional.empty(), naming.handleFromProfileUrl(java.net.URI.create(other)), other);
        }
        assertEquals("https://x.com/nasa", naming.canonicalAccountUrl(new AccountRef(Platform.X, "nasa")));
        String post = naming.canonicalPostUrl(TWITTER, "1577730467436138524");
        assertEquals("https://x.com/i/status/1577730467436138524", post);
        assertEquals(post, PostUrls.canonicalise(post).orElseThrow().url());
        assertNull(XTweets.snowflakeTime("x").orElse(null));
    }

    private ListingResult.Page listing(Optional<String> cursor) {
        ListingResult result = source.listing(TWITTER, cursor);
        return assertInstanceOf(ListingResult.Page.class, result, result::toString);
    }

    private static PostRef ref(String id) {
        return new PostRef(id, "https://x.com/i/status/" + id);
    }

    private static List<String> ids(List<SourcePost> posts) {
        return posts.stream().map(SourcePost::platformPostId).toList();
    }

    /** A tweet id made at the given time, as X's snowflake ids are. */
    static String snowflake(Instant at) {
        return String.valueOf((at.toEpochMilli() - 1288834974657L) << 22);
    }

    private static void serve(String path, ResponseDefinitionBuilder response) {
        x.stubFor(get(urlPathEqualTo(path)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return json(body.getBytes(StandardCharsets.UTF_8));
    }
}
