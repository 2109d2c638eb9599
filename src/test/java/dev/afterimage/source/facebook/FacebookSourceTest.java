package dev.afterimage.source.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.source.AccountBarrier;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.LinkPreview;
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
import java.net.URI;
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

/** The Facebook Pages source over HTTP, fed the real captured listing element and the documented error bodies. */
class FacebookSourceTest {

    private static final AccountRef NIKVESTI = new AccountRef(Platform.FACEBOOK, "nikvesti");
    private static final String POSTS = "/v23.0/nikvesti/posts";
    private static final String PAGE = "/v23.0/nikvesti";
    private static final String POST_ID = "301719373180657_1710649447730196";

    /** The documented answer for a deleted (or unreadable) object. */
    private static final String DOES_NOT_EXIST =
            """
            {"error":{"message":"Unsupported get request. Object with ID '%s' does not exist, cannot be loaded due \
            to missing permissions, or does not support this operation. Please read the Graph API documentation at \
            https://developers.facebook.com/docs/graph-api","type":"GraphMethodException","code":100,\
            "error_subcode":33,"fbtrace_id":"AbCdEf"}}""";

    private static final String NO_SUCH_ALIAS =
            """
            {"error":{"message":"(#803) Some of the aliases you requested do not exist: nikvesti",\
            "type":"OAuthException","code":803,"fbtrace_id":"AbCdEf"}}""";

    @RegisterExtension
    static final WireMockExtension graph = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock();
    private static final String TOKEN = "EAAGtestpagetoken123";

    private final FacebookSource source = source(TOKEN);
    private final FacebookNaming naming = new FacebookNaming(config(TOKEN));

    private FacebookSource source(String token) {
        return new FacebookSource(
                new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(2)), clock),
                config(token),
                clock);
    }

    private FacebookConfig config(String token) {
        return new FacebookConfig() {
            @Override
            public String baseUrl() {
                return graph.baseUrl();
            }

            @Override
            public String apiVersion() {
                return "v23.0";
            }

            @Override
            public Optional<String> accessToken() {
                return Optional.of(token);
            }

            @Override
            public Duration defaultPollInterval() {
                return Duration.ofMinutes(5);
            }
        };
    }

    @Test
    void theTokenGraphWritesIntoItsPagingLinksIsNotArchived() {
        serve(
                POSTS,
                json(envelope(
                        realElement(),
                        "\"next\":\"https://graph.facebook.com/v23.0/1/posts?access_token=" + TOKEN
                                + "&after=QVFI\"")));

        ListingResult.Page page = listing(Optional.empty());

        String archived = new String(page.capture().body(), StandardCharsets.UTF_8);
        assertFalse(archived.contains(TOKEN), archived);
        assertTrue(archived.contains("access_token=[redacted]&after=QVFI"), archived);
        assertFalse(page.capture().exchange().requestHead().contains(TOKEN));
    }

    @Test
    void realListingElementIsAPostWithItsPermalink() {
        serve(POSTS, json(envelope(realElement(), "")));

        ListingResult.Page page = listing(Optional.empty());

        SourcePost post = page.posts().getFirst();
        assertEquals(POST_ID, post.platformPostId());
        assertEquals("https://www.facebook.com/1653359633459178/posts/1710649447730196", post.url());
        assertEquals(post.url(), PostUrls.canonicalise(post.url()).orElseThrow().url());
        assertEquals(Instant.parse("2026-08-03T13:21:53Z"), post.publishedAt());
        assertTrue(post.text().startsWith("У Миколаєві комунальні служби"), post.text());
        assertTrue(post.html().contains("<br><br>"), post.html());
        assertFalse(post.edited());
        assertEquals(List.of(), post.media(), "the attachment names the photo's page, not its file");
        String raw = new String(post.rawFragment(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("{") && raw.contains(POST_ID), raw);
        assertTrue(envelope(realElement(), "").contains(raw), "the post's object exactly as the answer held it");
        assertEquals(Optional.empty(), page.olderPageCursor());
        graph.verify(getRequestedFor(urlPathEqualTo(POSTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("limit", equalTo("25"))
                .withQueryParam("fields", equalTo(FacebookPosts.FIELDS)));
        assertFalse(page.capture().exchange().requestHead().contains(TOKEN));
        assertFalse(page.url().contains("access_token"));
    }

    @Test
    void olderPagesFollowTheAfterCursorOnlyWhileThereIsANextPage() {
        serve(
                POSTS,
                json(envelope(
                        realElement(),
                        "\"cursors\":{\"before\":\"B\",\"after\":\"QVFIUk\"},"
                                + "\"next\":\"https://graph.facebook.com/v23.0/1/posts?after=QVFIUk\"")));
        assertEquals(Optional.of("QVFIUk"), listing(Optional.empty()).olderPageCursor());

        serve(POSTS, json(envelope(realElement(), "\"cursors\":{\"before\":\"B\",\"after\":\"QVFIUk\"}")));
        assertEquals(Optional.empty(), listing(Optional.of("QVFIUk")).olderPageCursor());
        graph.verify(getRequestedFor(urlPathEqualTo(POSTS)).withQueryParam("after", equalTo("QVFIUk")));
    }

    @Test
    void photosAlbumsVideosAndLinksAreReadFromTheAttachments() {
        String item =
                """
                {"id":"1_2","message":"all of it","created_time":"2026-08-03T13:21:53+0000",
                 "updated_time":"2026-08-03T14:00:00+0000",
                 "permalink_url":"https://www.facebook.com/nikvesti/posts/pfbid0abc",
                 "attachments":{"data":[
                  {"media_type":"album","subattachments":{"data":[
                    {"media_type":"photo","media":{"image":{"src":"https://scontent.xx.fbcdn.net/a.jpg"}}},
                    {"media_type":"photo","media":{"image":{"src":"https://scontent.xx.fbcdn.net/b.jpg"}}}]}},
                  {"media_type":"video","media":{"image":{"src":"https://scontent.xx.fbcdn.net/still.jpg"},
                    "source":"https://video.xx.fbcdn.net/v.mp4"}},
                  {"media_type":"share","title":"Article","description":"About it","url":"https://l.facebook.com/x",
                   "unshimmed_url":"https://nikvesti.com/news/1","media":{"image":{"src":"https://external.xx/c.jpg"}}}
                 ]}}""";
        serve(POSTS, json(envelope(item, "")));

        SourcePost post = listing(Optional.empty()).posts().getFirst();

        assertEquals(
                List.of(
                        new SourceMedia(MediaKind.PHOTO, "https://scontent.xx.fbcdn.net/a.jpg"),
                        new SourceMedia(MediaKind.PHOTO, "https://scontent.xx.fbcdn.net/b.jpg"),
                        new SourceMedia(MediaKind.VIDEO, "https://video.xx.fbcdn.net/v.mp4"),
                        new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://external.xx/c.jpg")),
                post.media());
        assertEquals(new LinkPreview("https://nikvesti.com/news/1", null, "Article", "About it"), post.linkPreview());
        assertEquals("https://www.facebook.com/nikvesti/posts/pfbid0abc", post.url());
        assertEquals(Instant.parse("2026-08-03T14:00:00Z"), post.versionAt());
        assertNull(post.revision());
    }

    @Test
    void postWithoutPermalinkGetsOneFromItsIdAndSystemPostsTheirStory() {
        serve(
                POSTS,
                json(envelope(
                        "{\"id\":\"301719373180657_42\",\"story\":\"Nikvesti updated their cover photo.\","
                                + "\"created_time\":\"2026-08-01T10:00:00+0000\",\"full_picture\":\"https://scontent.xx/cover.jpg\"}",
                        "")));

        SourcePost post = listing(Optional.empty()).posts().getFirst();

        assertEquals("https://www.facebook.com/permalink.php?story_fbid=42&id=301719373180657", post.url());
        assertEquals(post.url(), naming.canonicalPostUrl(NIKVESTI, "301719373180657_42"));
        assertEquals(post.url(), PostUrls.canonicalise(post.url()).orElseThrow().url());
        assertEquals("Nikvesti updated their cover photo.", post.text());
        assertEquals(List.of(new SourceMedia(MediaKind.PHOTO, "https://scontent.xx/cover.jpg")), post.media());
    }

    @Test
    void editedMessageIsADifferentTextOfTheSamePost() {
        serve(POSTS, json(envelope(realElement(), "")));
        SourcePost before = listing(Optional.empty()).posts().getFirst();
        serve(POSTS, json(envelope(realElement().replace("Миколаєві", "Миколаєві вчора"), "")));

        SourcePost after = listing(Optional.empty()).posts().getFirst();

        assertEquals(before.platformPostId(), after.platformPostId());
        assertFalse(before.text().equals(after.text()));
    }

    @Test
    void deletedPostIsGoneWhileThePageAnswers() {
        serve(PAGE, json("{\"id\":\"301719373180657\",\"name\":\"Nikvesti\"}"));
        serve("/v23.0/" + POST_ID, error(400, DOES_NOT_EXIST.formatted(POST_ID)));

        PermalinkCheck.Gone gone =
                assertInstanceOf(PermalinkCheck.Gone.class, OnePost.check(source, NIKVESTI, ref(POST_ID)));

        assertTrue(gone.evidence().contains("100/33"), gone.evidence());
        assertTrue(gone.evidence().contains("does not exist"), gone.evidence());
        assertEquals(
                400, Integer.parseInt(gone.capture().exchange().responseHead().substring(9, 12)));
    }

    @Test
    void livePostIsFoundAndThePageIsAskedOnceForManyPosts() {
        serve(PAGE, json("{\"id\":\"301719373180657\",\"name\":\"Nikvesti\"}"));
        serve("/v23.0/1_1", json("{\"id\":\"1_1\",\"permalink_url\":\"https://www.facebook.com/1/posts/1\"}"));
        serve("/v23.0/1_2", error(400, DOES_NOT_EXIST.formatted("1_2")));

        Map<String, PermalinkCheck> answers = source.checkAll(NIKVESTI, List.of(ref("1_1"), ref("1_2")));

        assertInstanceOf(PermalinkCheck.Found.class, answers.get("1_1"));
        assertInstanceOf(PermalinkCheck.Gone.class, answers.get("1_2"));
        graph.verify(1, getRequestedFor(urlPathEqualTo(PAGE)));
    }

    @Test
    void postsOfAPageThatDoesNotAnswerAreUnknown() {
        serve("/v23.0/" + POST_ID, error(400, DOES_NOT_EXIST.formatted(POST_ID)));
        for (ResponseDefinitionBuilder page : List.of(
                error(400, DOES_NOT_EXIST.formatted("nikvesti")),
                error(404, NO_SUCH_ALIAS),
                aResponse().withStatus(500),
                aResponse().withStatus(200).withFixedDelay(2_500).withBody("{}"))) {
            serve(PAGE, page);
            assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, NIKVESTI, ref(POST_ID)));
        }
    }

    @Test
    void errorsAboutUsOrTheNetworkAreUnknown() {
        serve(PAGE, json("{\"id\":\"301719373180657\",\"name\":\"Nikvesti\"}"));
        for (ResponseDefinitionBuilder answer : List.of(
                error(400, "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"code\":4}}"),
                error(400, "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}"),
                error(
                        400,
                        "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}"),
                error(
                        401,
                        "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\","
                                + "\"code\":190}}"),
                error(403, "{\"error\":{\"message\":\"(#10) Permission denied\",\"code\":10}}"),
                error(400, DOES_NOT_EXIST.formatted(POST_ID).replace("\"error_subcode\":33", "\"error_subcode\":99")),
                aResponse().withStatus(502),
                json("not json"),
                aResponse().withStatus(200).withFixedDelay(2_500).withBody("{}"))) {
            serve("/v23.0/" + POST_ID, answer);
            assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, NIKVESTI, ref(POST_ID)));
        }
    }

    @Test
    void listingOfAPageThatIsGoneIsAccountGone() {
        serve(POSTS, error(404, NO_SUCH_ALIAS));
        serve(PAGE, error(404, NO_SUCH_ALIAS));

        ListingResult.AccountGone gone =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(NIKVESTI, Optional.empty()));

        assertTrue(gone.evidence().contains("803"), gone.evidence());
    }

    /** Graph's answers to an app without the feature, as quoted in public bug reports (code as number and as string). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                """
                {"error":{"message":"(#10) This endpoint requires the 'pages_read_engagement' permission or the \
                'Page Public Content Access' feature. Refer to \
                https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages and \
                https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS for details.",\
                "type":"OAuthException","code":10,"fbtrace_id":"AbCdEf"}}""",
                """
                {"error":{"message":"(#10) To use 'Page Public Content Access', your use of this endpoint must be \
                reviewed and approved by Facebook. To submit this 'Page Public Content Access' feature for review \
                please read our documentation on reviewable features: https://developers.facebook.com/docs/apps/review.",\
                "type":"OAuthException","code":10,"fbtrace_id":"AbCdEf"}}""",
                """
                {"error":{"message":"(#10) To use 'Page Public Content Access', your app needs to be owned by a \
                verified business and have contract signed.","type":"OAuthException","code":"10",\
                "fbtrace_id":"AbCdEf"}}""",
                """
                {"error":{"message":"(#100) Pages Public Content Access requires either app secret proof or an app \
                token","type":"OAuthException","code":100,"fbtrace_id":"AbCdEf"}}"""
            })
    void aTokenWithoutPagePublicContentAccessIsThatAccountState(String refusal) {
        serve(POSTS, error(400, refusal));
        serve(PAGE, aResponse().withStatus(200).withBody("{\"id\":\"301719373180657\",\"name\":\"NikVesti\"}"));

        ListingResult.AccountGone refused =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(NIKVESTI, Optional.empty()));

        assertEquals(AccountBarrier.NEEDS_PAGE_PUBLIC_CONTENT_ACCESS, refused.barrier());
        assertTrue(refused.evidence().startsWith("needs Page Public Content Access"), refused.evidence());
    }

    @Test
    void withoutATokenTheSourceSaysWhichTokensWouldDo() {
        String reason = source("").disabledReason().orElseThrow();

        assertTrue(reason.contains("afterimage.platforms.facebook.access-token"), reason);
        assertTrue(reason.contains("Page access token"), reason);
        assertTrue(reason.contains("Page Public Content Access"), reason);
    }

    /** 100/33 also means "this token may not see it" (an age- or country-restricted Page): it proves nothing. */
    @Test
    void aPageAnsweringDoesNotExistOrNoPermissionIsUnknown() {
        serve(POSTS, error(400, DOES_NOT_EXIST.formatted("nikvesti")));
        serve(PAGE, error(400, DOES_NOT_EXIST.formatted("nikvesti")));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
    }

    @Test
    void listingTroubleProvesNothing() {
        serve(PAGE, json("{\"id\":\"301719373180657\",\"name\":\"Nikvesti\"}"));
        for (ResponseDefinitionBuilder answer : List.of(
                error(400, DOES_NOT_EXIST.formatted("nikvesti")),
                error(400, "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"code\":4}}"),
                error(500, "{\"error\":{\"message\":\"An unknown error has occurred.\",\"code\":1}}"),
                aResponse().withStatus(502),
                json("<html>log in</html>"),
                json("{\"data\":[{\"message\":\"no id\"}]}"),
                aResponse().withStatus(200).withFixedDelay(2_500).withBody("{}"))) {
            serve(POSTS, answer);
            assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
        }
        serve(POSTS, error(400, DOES_NOT_EXIST.formatted("nikvesti")));
        serve(PAGE, aResponse().withStatus(503));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
    }

    @Test
    void rateLimitedListingIsUnknownAndTheHostIsLeftAlone() {
        serve(POSTS, aResponse().withStatus(429).withHeader("Retry-After", "60"));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
        ListingResult.Unknown waiting =
                assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));

        assertTrue(waiting.reason().contains("rate limited"), waiting.reason());
        graph.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
    }

    @Test
    void rateLimitErrorsPauseEveryGraphRequestForAWhile() {
        serve(POSTS, error(400, "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}"));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
        ListingResult.Unknown paused =
                assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, NIKVESTI, ref(POST_ID)));

        assertTrue(paused.reason().contains("rate limited"), paused.reason());
        assertEquals(1, graph.getAllServeEvents().size());
        clock.advance(GraphThrottle.DEFAULT_PAUSE);
        serve(POSTS, json(envelope(realElement(), "")));
        listing(Optional.empty());
    }

    @Test
    void rateLimitPauseLastsAsLongAsMetaEstimates() {
        serve(
                POSTS,
                error(
                                400,
                                "{\"error\":{\"message\":\"(#80001) There have been too many calls to this Page\","
                                        + "\"code\":80001}}")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"301719373180657\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":4,"
                                        + "\"total_time\":6,\"estimated_time_to_regain_access\":45}]}"));
        source.listing(NIKVESTI, Optional.empty());
        serve(POSTS, json(envelope(realElement(), "")));

        clock.advance(Duration.ofMinutes(44));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(NIKVESTI, Optional.empty()));
        clock.advance(Duration.ofMinutes(1));
        listing(Optional.empty());
    }

    @Test
    void withoutATokenTheSourceIsDisabledAndAnswersUnknown() {
        FacebookSource disabled = source("");

        assertTrue(
                disabled.disabledReason().orElseThrow().startsWith("set afterimage.platforms.facebook.access-token"));
        assertInstanceOf(ListingResult.Unknown.class, disabled.listing(NIKVESTI, Optional.empty()));
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(disabled, NIKVESTI, ref(POST_ID)));
        assertEquals(Optional.empty(), source.disabledReason());
        assertEquals(0, graph.getAllServeEvents().size());
    }

    @Test
    void handlesAndUrls() {
        assertEquals(Optional.of("nikvesti"), naming.normaliseHandle("NikVesti"));
        assertEquals(Optional.of("mod.mil.rus"), naming.normaliseHandle("mod.mil.rus"));
        assertEquals(Optional.of("100064"), naming.normaliseHandle("100064"));
        assertEquals(Optional.empty(), naming.normaliseHandle("bad name"));
        assertEquals(Optional.empty(), naming.normaliseHandle("watch"));
        for (String url : List.of(
                "https://www.facebook.com/NikVesti",
                "https://facebook.com/nikvesti/",
                "https://m.facebook.com/nikvesti?ref=bookmarks",
                "https://web.facebook.com/nikvesti",
                "https://www.facebook.com/nikvesti/posts/pfbid0abc")) {
            assertEquals(Optional.of("nikvesti"), naming.handleFromProfileUrl(URI.create(url)), url);
        }
        assertEquals(
                Optional.of("100064"),
                naming.handleFromProfileUrl(URI.create("https://www.facebook.com/profile.php?id=100064&sk=about")));
        assertEquals(
                Optional.of("301719373180657"),
                naming.handleFromProfileUrl(URI.create("https://www.facebook.com/pages/Nikvesti/301719373180657")));
        for (String other : List.of(
                "https://www.facebook.com/watch",
                "https://www.facebook.com/groups/123",
                "https://www.facebook.com/events/1",
                "https://www.facebook.com/marketplace",
                "https://www.facebook.com/login",
                "https://www.facebook.com/help",
                "https://www.facebook.com/share/abc",
                "https://www.facebook.com/photo.php?fbid=1",
                "https://www.facebook.com/permalink.php?story_fbid=1&id=2",
                "https://www.facebook.com/profile.php",
                "https://www.facebook.com/",
                "https://x.com/nikvesti",
                "https://example.com/nikvesti")) {
            assertEquals(Optional.empty(), naming.handleFromProfileUrl(URI.create(other)), other);
        }
        assertEquals("https://www.facebook.com/nikvesti", naming.canonicalAccountUrl(NIKVESTI));
        String byId = naming.canonicalPostUrl(NIKVESTI, POST_ID);
        assertEquals("https://www.facebook.com/permalink.php?story_fbid=1710649447730196&id=301719373180657", byId);
        assertEquals(byId, PostUrls.canonicalise(byId).orElseThrow().url());
        String bare = naming.canonicalPostUrl(NIKVESTI, "1710649447730196");
        assertEquals(bare, PostUrls.canonicalise(bare).orElseThrow().url());
    }

    private ListingResult.Page listing(Optional<String> cursor) {
        ListingResult result = source.listing(NIKVESTI, cursor);
        return assertInstanceOf(ListingResult.Page.class, result, result::toString);
    }

    private static String realElement() {
        return new String(
                RealFixtures.read("facebook/page-posts-listing-element-nikvesti-2026-08-03.json"),
                StandardCharsets.UTF_8);
    }

    /** A listing answer around items, as the Graph API wraps them; {@code paging} is the paging object's inside. */
    private static String envelope(String items, String paging) {
        return "{\"data\":[" + items + "],\"paging\":{" + paging + "}}";
    }

    private static PostRef ref(String id) {
        return new PostRef(id, FacebookNaming.postUrl("nikvesti", id));
    }

    private static void serve(String path, ResponseDefinitionBuilder response) {
        graph.stubFor(get(urlPathEqualTo(path)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return json(body).withStatus(status);
    }
}
