package dev.afterimage.source.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.archive.NormalisedContent;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Attachment;
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
import java.io.IOException;
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
 * The Mastodon source over HTTP, fed the real captured API answers: which answers mean a post or an account is
 * gone, and which prove nothing.
 */
class MastodonSourceTest {

    private static final String ACCOUNT_ID = "117020565966271181";
    private static final AccountRef ACCOUNT = new AccountRef(Platform.MASTODON, "mastodonpy_test@dev.example");
    private static final String LOOKUP = "/api/v1/accounts/lookup";
    private static final String STATUSES = "/api/v1/accounts/" + ACCOUNT_ID + "/statuses";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock();
    private final MastodonSource source = source(false);

    @Test
    void realPageIsAPageOfCanonicalPostsNewestFirstWithTheNextMaxId() throws IOException {
        serveAccount();
        byte[] body = RealFixtures.read("mastodon/account-statuses-page1.json");
        mastodon.stubFor(get(urlPathEqualTo(STATUSES))
                .withQueryParam("max_id", absent())
                .willReturn(json(200, body)
                        .withHeader(
                                "Link",
                                "<" + mastodon.baseUrl() + STATUSES
                                        + "?limit=5&max_id=117020580489281910>; rel=\"next\", <"
                                        + mastodon.baseUrl() + STATUSES
                                        + "?limit=5&min_id=117020580518794573>; rel=\"prev\"")));

        ListingResult.Page page = assertInstanceOf(ListingResult.Page.class, source.listing(ACCOUNT, Optional.empty()));

        assertEquals(5, page.posts().size());
        SourcePost newest = page.posts().getFirst();
        assertEquals("117020580518794573", newest.platformPostId());
        assertEquals("https://dev.example/@mastodonpy_test/117020580518794573", newest.url());
        assertEquals("Toot number 9!", newest.text());
        assertEquals("<p>Toot number 9!</p>", newest.html());
        assertEquals(Instant.parse("2026-08-01T13:52:34.108Z"), newest.publishedAt());
        assertNull(newest.revision(), "never edited");
        assertEquals(Optional.of(ACCOUNT_ID + ":117020580489281910"), page.olderPageCursor());
        assertTrue(page.reachesFirstPost());
        assertArrayEquals(body, page.capture().body());
        String raw = new String(newest.rawFragment(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("{\"id\":\"117020580518794573\"") && raw.endsWith("}"), raw);
        assertTrue(new String(body, StandardCharsets.UTF_8).contains(raw), "the post's own bytes, as received");
        assertEquals(JSON.readTree(body).get(0), JSON.readTree(newest.rawFragment()));
        mastodon.verify(getRequestedFor(urlPathEqualTo(STATUSES))
                .withQueryParam("limit", equalTo("40"))
                .withQueryParam("exclude_reblogs", equalTo("true")));
    }

    @Test
    void olderPageIsAskedByMaxIdWithoutAnotherLookup() {
        mastodon.stubFor(get(urlPathEqualTo(STATUSES))
                .withQueryParam("max_id", equalTo("117020580489281910"))
                .willReturn(json(200, RealFixtures.read("mastodon/account-statuses-page2-max_id.json"))));

        ListingResult.Page page = assertInstanceOf(
                ListingResult.Page.class, source.listing(ACCOUNT, Optional.of(ACCOUNT_ID + ":117020580489281910")));

        assertEquals("117020580481736214", page.posts().getFirst().platformPostId());
        assertEquals(Optional.empty(), page.olderPageCursor(), "a short page without a Link header is the last");
        mastodon.verify(0, getRequestedFor(urlPathEqualTo(LOOKUP)));
    }

    @Test
    void fullPageWithoutLinkHeaderIsReadOnByItsLastId() {
        serveAccount();
        StringBuilder page = new StringBuilder("[");
        for (int i = 0; i < MastodonSource.PAGE_SIZE; i++) {
            page.append(i == 0 ? "" : ",").append(status(String.valueOf(1000 - i), "<p>Post " + i + "</p>"));
        }
        mastodon.stubFor(get(urlPathEqualTo(STATUSES))
                .willReturn(json(200, page.append("]").toString())));

        ListingResult.Page result =
                assertInstanceOf(ListingResult.Page.class, source.listing(ACCOUNT, Optional.empty()));

        assertEquals(Optional.of(ACCOUNT_ID + ":961"), result.olderPageCursor());
    }

    @Test
    void realLookup404IsAccountGone() {
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(404, RealFixtures.read("mastodon/accounts-lookup-404.json"))));

        ListingResult.AccountGone gone =
                assertInstanceOf(ListingResult.AccountGone.class, source.listing(ACCOUNT, Optional.empty()));

        assertTrue(gone.evidence().contains("dev.example has no account @mastodonpy_test"), gone.evidence());
        assertTrue(gone.evidence().contains("Record not found"), gone.evidence());
    }

    @Test
    void suspendedAccountIsAccountGoneAndAMovedOneIsStillWatched() {
        String account = new String(RealFixtures.read("mastodon/accounts-lookup-200.json"), StandardCharsets.UTF_8);
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(200, account.replace("\"locked\":true", "\"suspended\":true,\"locked\":true"))));
        assertTrue(assertInstanceOf(ListingResult.AccountGone.class, source.listing(ACCOUNT, Optional.empty()))
                .evidence()
                .contains("suspended"));

        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(
                        200,
                        account.replace(
                                "\"locked\":true",
                                "\"moved\":{\"id\":\"9\",\"acct\":\"new@other.example\"}" + ",\"locked\":true"))));
        mastodon.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json(200, "[]")));
        assertInstanceOf(ListingResult.Page.class, source.listing(ACCOUNT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"502", "503", "429", "timeout", "html", "html404", "other-account", "truncated", "misskey404"})
    void lookupTroubleIsUnknownNeverGone(String trouble) {
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP)).willReturn(trouble(trouble)));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(ACCOUNT, Optional.empty()));
        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, ACCOUNT, post("117020580518794573")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"502", "429", "timeout", "html", "html404", "truncated", "401"})
    void statusesTroubleIsUnknown(String trouble) {
        serveAccount();
        mastodon.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(trouble(trouble)));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(ACCOUNT, Optional.empty()));
    }

    @Test
    void realStatus404OfALiveAccountIsGoneAsDeletedOrMadePrivate() {
        serveAccount();
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/117020580518794573"))
                .willReturn(json(404, RealFixtures.read("mastodon/status-404-get-statuses-0.json"))));

        PermalinkCheck.Gone gone =
                assertInstanceOf(PermalinkCheck.Gone.class, OnePost.check(source, ACCOUNT, post("117020580518794573")));

        assertTrue(gone.evidence().startsWith("https://dev.example/@mastodonpy_test/117020580518794573"));
        assertTrue(gone.evidence().contains("deleted or made private"), gone.evidence());
        assertNotNull(gone.capture());
        assertEquals(
                404, Integer.parseInt(gone.capture().exchange().responseHead().split(" ")[1]));
    }

    @Test
    void statusOfAGoneAccountIsLeftToTheAccountLevel() {
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(404, RealFixtures.read("mastodon/accounts-lookup-404.json"))));
        mastodon.stubFor(get(urlPathMatching("/api/v1/statuses/.*"))
                .willReturn(json(404, RealFixtures.read("mastodon/status-404-get-statuses-0.json"))));

        PermalinkCheck.Unknown unknown = assertInstanceOf(
                PermalinkCheck.Unknown.class, OnePost.check(source, ACCOUNT, post("117020580518794573")));

        assertTrue(unknown.reason().contains("judged at account level"), unknown.reason());
        mastodon.verify(0, getRequestedFor(urlPathMatching("/api/v1/statuses/.*")));
    }

    @Test
    void realEditedStatusIsFound() {
        serveAccount();
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/117020586180926938"))
                .willReturn(json(200, RealFixtures.read("mastodon/edit-sequence/04-get-after-edit.json"))));

        PermalinkCheck.Found found = assertInstanceOf(
                PermalinkCheck.Found.class, OnePost.check(source, ACCOUNT, post("117020586180926938")));

        assertEquals(
                "the best editor? why, of course it is the KDE Advanced Text Editor, Kate",
                found.post().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "429", "timeout", "html", "html404", "truncated", "403"})
    void statusTroubleIsUnknownNeverGone(String trouble) {
        serveAccount();
        mastodon.stubFor(
                get(urlPathEqualTo("/api/v1/statuses/117020580518794573")).willReturn(trouble(trouble)));

        assertInstanceOf(PermalinkCheck.Unknown.class, OnePost.check(source, ACCOUNT, post("117020580518794573")));
    }

    @Test
    void manyPostsAreCheckedAfterOneLookup() {
        serveAccount();
        mastodon.stubFor(get(urlPathMatching("/api/v1/statuses/[0-9]+"))
                .willReturn(json(404, RealFixtures.read("mastodon/status-404-get-statuses-0.json"))));

        Map<String, PermalinkCheck> answers = source.checkAll(ACCOUNT, List.of(post("1"), post("2"), post("3")));

        assertEquals(List.of("1", "2", "3"), List.copyOf(answers.keySet()));
        answers.values().forEach(answer -> assertInstanceOf(PermalinkCheck.Gone.class, answer));
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(LOOKUP)));
    }

    @Test
    void realEditHistoryGivesTheEarlierVersionsOnceAndTheNewestHashesAsTheStatus() {
        serveAccount();
        byte[] status = RealFixtures.read("mastodon/mastodon.social/status-110446223051565765-edited-with-media.json");
        servePage(status);
        byte[] history = RealFixtures.read("mastodon/mastodon.social/status-110446223051565765-history.json");
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/110446223051565765/history"))
                .willReturn(json(200, history)));

        SourcePost post = onlyPost(source.listing(ACCOUNT, Optional.empty()));
        source.listing(ACCOUNT, Optional.empty());

        assertEquals("2023-05-28T12:09:44Z", post.revision());
        assertEquals(Instant.parse("2023-05-28T12:09:44Z"), post.versionAt());
        assertTrue(post.text().startsWith("CW: test post for mastodon.py stuff\n\n@halcy you're a doo-doo head"));
        assertTrue(post.text().contains("#ThisIsAHashtag"), post.text());
        assertEquals(
                List.of(MediaKind.VIDEO),
                post.media().stream().map(SourceMedia::kind).toList());
        assertTrue(post.media().getFirst().url().startsWith("https://files.mastodon.social/"));
        SourcePost original = post.earlierVersions().getFirst();
        assertEquals(1, post.earlierVersions().size());
        assertEquals("@halcy you're a doo-doo head", original.text());
        assertNull(original.revision(), "the original had no edited_at");
        assertEquals(Instant.parse("2023-05-28T12:06:50Z"), original.versionAt());
        assertEquals(List.of(), original.media());
        assertTrue(new String(original.rawFragment(), StandardCharsets.UTF_8).startsWith("{"));
        mastodon.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/statuses/110446223051565765/history")));

        // The history once more with its newest entry repeated: then that entry is an earlier version, read as such.
        String entries = new String(history, StandardCharsets.UTF_8).strip();
        String newestEntry = entries.substring(entries.lastIndexOf("{\"content\""), entries.lastIndexOf(']'));
        StatusReader reader =
                new StatusReader(MastodonHandle.parse(ACCOUNT.handle()).orElseThrow());
        List<JsonItems.Item> repeated = JsonItems.ofArray(
                        (entries.substring(0, entries.lastIndexOf(']')) + "," + newestEntry + "]")
                                .getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        SourcePost asEntry = assertDoesNotThrow(() -> reader.earlierVersions(JSON.readTree(status), repeated))
                .getLast();
        assertEquals(NormalisedContent.hash(post, List.of("m")), NormalisedContent.hash(asEntry, List.of("m")));
    }

    @Test
    void realEditSequenceReportsThePublishedVersion() {
        serveAccount();
        servePage(RealFixtures.read("mastodon/edit-sequence/04-get-after-edit.json"));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/117020586180926938/history"))
                .willReturn(json(200, RealFixtures.read("mastodon/edit-sequence/05-history-after-edit.json"))));

        SourcePost post = onlyPost(source.listing(ACCOUNT, Optional.empty()));

        assertEquals(
                List.of("the best editor? why, of course it is VS Code"),
                post.earlierVersions().stream().map(SourcePost::text).toList());
    }

    @Test
    void unreadableHistoryStillListsTheStatus() {
        serveAccount();
        servePage(RealFixtures.read("mastodon/edit-sequence/04-get-after-edit.json"));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/117020586180926938/history"))
                .willReturn(aResponse().withStatus(503)));

        SourcePost post = onlyPost(source.listing(ACCOUNT, Optional.empty()));

        assertEquals(List.of(), post.earlierVersions());
        assertEquals("2026-08-01T13:54:00.695Z", post.revision());
    }

    @Test
    void realPhotoVideoAndPollAreRead() {
        serveAccount();
        servePage(
                RealFixtures.read("mastodon/mastodon.social/status-110447003454258227-image.json"),
                RealFixtures.read("mastodon/mastodon.social/status-110447001287656894-video.json"));

        ListingResult.Page page = assertInstanceOf(ListingResult.Page.class, source.listing(ACCOUNT, Optional.empty()));

        assertEquals(MediaKind.PHOTO, page.posts().get(0).media().getFirst().kind());
        assertTrue(page.posts().get(0).media().getFirst().url().endsWith("/original/97232afa341c291e.jpg"));
        assertEquals(MediaKind.VIDEO, page.posts().get(1).media().getFirst().kind());

        mastodon.resetAll();
        serveAccount();
        servePage(RealFixtures.read("mastodon/mastodon.social/status-110446183735368325-edited-poll.json"));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/statuses/110446183735368325/history"))
                .willReturn(json(
                        200, RealFixtures.read("mastodon/mastodon.social/status-110446183735368325-history.json"))));
        SourcePost poll = onlyPost(source.listing(ACCOUNT, Optional.empty()));
        assertEquals(
                List.of(
                        new Attachment("Poll option: oh no I totally can", "0 votes"),
                        new Attachment("Poll option: edit polls", "0 votes")),
                poll.attachments());
    }

    @Test
    void cardIsALinkPreviewWithItsImageAndAReplyPointsToItsParent() {
        serveAccount();
        String reply = status("500", "<p>See <a href=\"https://gov.example/report\">the report</a></p>")
                .replace(
                        "\"in_reply_to_id\":null,\"in_reply_to_account_id\":null",
                        "\"in_reply_to_id\":\"499\",\"in_reply_to_account_id\":\"" + ACCOUNT_ID + "\"")
                .replace(
                        "\"card\":null",
                        "\"card\":{\"url\":\"https://gov.example/report\",\"title\":\"Report\",\"description\":\"\","
                                + "\"provider_name\":\"Gov\",\"image\":\"https://files.example/card.jpg\"}");
        mastodon.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json(200, "[" + reply + "]")));

        SourcePost post = onlyPost(source.listing(ACCOUNT, Optional.empty()));

        assertEquals("See the report", post.text());
        assertEquals("https://gov.example/report", post.linkPreview().url());
        assertEquals("Gov", post.linkPreview().siteName());
        assertNull(post.linkPreview().description());
        assertEquals(List.of(new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://files.example/card.jpg")), post.media());
        assertEquals("https://dev.example/@mastodonpy_test/499", post.replyTo());
        assertTrue(post.html().contains("rel=\"nofollow noopener\""), post.html());
    }

    @Test
    void boostsAreExcludedUnlessConfigured() {
        serveAccount();
        mastodon.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json(200, "[]")));

        ListingResult.Page page =
                assertInstanceOf(ListingResult.Page.class, source(true).listing(ACCOUNT, Optional.empty()));

        assertEquals(List.of(), page.posts());
        assertEquals(Optional.empty(), page.olderPageCursor());
        mastodon.verify(getRequestedFor(urlPathEqualTo(STATUSES)).withQueryParam("exclude_reblogs", absent()));
    }

    @Test
    void exhaustedRateLimitWindowLeavesTheInstanceAloneUntilItsReset() {
        String reset = clock.instant().plus(Duration.ofMinutes(5)).toString();
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(200, RealFixtures.read("mastodon/accounts-lookup-200.json"))
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", reset)));
        mastodon.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json(200, "[]")));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(ACCOUNT, Optional.empty()));
        assertInstanceOf(ListingResult.Unknown.class, source.listing(ACCOUNT, Optional.empty()));

        mastodon.verify(1, getRequestedFor(urlPathEqualTo(LOOKUP)));
        mastodon.verify(0, getRequestedFor(urlPathEqualTo(STATUSES)));
        clock.advance(Duration.ofMinutes(6));
        assertInstanceOf(ListingResult.Page.class, source.listing(ACCOUNT, Optional.empty()));
    }

    private MastodonSource source(boolean includeReblogs) {
        return new MastodonSource(
                new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(1)), clock),
                new MastodonConfig() {
                    @Override
                    public Optional<String> baseUrl() {
                        return Optional.of(mastodon.baseUrl());
                    }

                    @Override
                    public boolean includeReblogs() {
                        return includeReblogs;
                    }
                });
    }

    private static void serveAccount() {
        mastodon.stubFor(get(urlPathEqualTo(LOOKUP))
                .withQueryParam("acct", equalTo("mastodonpy_test"))
                .willReturn(json(200, RealFixtures.read("mastodon/accounts-lookup-200.json"))));
    }

    /** A page of the given single statuses, as the listing would send them. */
    private static void servePage(byte[]... statuses) {
        StringBuilder page = new StringBuilder("[");
        for (byte[] status : statuses) {
            page.append(page.length() > 1 ? "," : "").append(new String(status, StandardCharsets.UTF_8));
        }
        mastodon.stubFor(get(urlPathEqualTo(STATUSES))
                .willReturn(json(200, page.append("]").toString())));
    }

    private static SourcePost onlyPost(ListingResult result) {
        ListingResult.Page page = assertInstanceOf(ListingResult.Page.class, result);
        assertEquals(1, page.posts().size());
        return page.posts().getFirst();
    }

    /** A status of the watched account in the shape of the real page, with another id and content. */
    private static String status(String id, String content) {
        String real = new String(RealFixtures.read("mastodon/account-statuses-page1.json"), StandardCharsets.UTF_8);
        String first = real.substring(1, real.indexOf(",{\"id\":\"117020580511453871\""));
        return first.replace("117020580518794573", id).replace("<p>Toot number 9!</p>", content.replace("\"", "\\\""));
    }

    private static ResponseDefinitionBuilder trouble(String kind) {
        return switch (kind) {
            case "timeout" -> json(200, "{}").withFixedDelay(2_000);
            case "html" ->
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Please log in</body></html>");
            case "html404" ->
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Not Found</body></html>");
            case "other-account" -> json(200, "{\"id\":\"1\",\"username\":\"someone_else\"}");
            case "truncated" -> json(200, "[{\"id\":\"1\",");
            case "misskey404" -> json(404, "{\"error\":{\"code\":\"NO_SUCH_ENDPOINT\"}}");
            default -> aResponse().withStatus(Integer.parseInt(kind)).withBody("{\"error\":\"busy\"}");
        };
    }

    private static ResponseDefinitionBuilder json(int status, byte[] body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static PostRef post(String id) {
        return new PostRef(id, "https://dev.example/@mastodonpy_test/" + id);
    }
}
