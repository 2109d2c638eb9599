package dev.afterimage.web.console;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.ArchiveRows;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's pages as HTML over HTTP, without a browser: what they say, and what they refuse. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ConsolePagesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource data;

    @Test
    void aConsolePageThatFailsAnswersWithAPageNotJson() {
        given().get("/console/posts/999999")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("no post with id 999999"))
                .body(containsString("Back to the dashboard"));
        given().contentType(ContentType.URLENC)
                .formParam("csrf", "forged")
                .post("/console/accounts/1/pause")
                .then()
                .statusCode(403)
                .contentType(ContentType.HTML);
        given().get("/api/posts/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/console/no-such-page").then().statusCode(404);
    }

    @Test
    void theServicesAddressOpensTheConsole() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/console"));
    }

    @Test
    void dashboardShowsEveryAccountWithItsHealthUnderAStrictPolicy() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Statement");
        scenario.watch();
        scenario.poll();

        given().get("/console?q=" + scenario.channel.channel())
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Server-Timing", startsWith("app;dur="))
                .body(containsString("<h2 id=\"accounts-heading\">Accounts</h2>"))
                .body(containsString("href=\"/console/accounts/" + scenario.accountId() + "\">Ministry</a>"))
                .body(containsString("aria-label=\"Telegram\""))
                .body(containsString("Live events"));
    }

    @Test
    void aFailedPollIsSaidInWordsWithoutThePlatformsHtml() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Statement");
        scenario.watch();
        scenario.fault(
                scenario.listingPath(),
                serverError().withBody("<html><body><h1>Bad Gateway</h1><script>x()</script></body></html>"));
        scenario.poll();

        String handle = "@" + scenario.channel.channel();
        String dashboard = given().get("/console?q=" + scenario.channel.channel())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(dashboard.contains(">Ministry</a> <span class=\"muted\">" + handle + "</span>"), dashboard);
        String account = given().get("/console/accounts/" + scenario.accountId())
                .then()
                .statusCode(200)
                .body(containsString("failed"))
                .body(not(containsString("UNKNOWN")))
                .body(not(containsString("PT1M")))
                .extract()
                .asString();
        assertTrue(!account.contains("&lt;h1") && !account.contains("x()"), account);
    }

    @Test
    void aLabelledAccountIsNamedOnceAndAnUnlabelledOneByItsHandleOnce() {
        ConsoleSession session = ConsoleSession.open("/console/accounts/new");
        session.form()
                .formParam("url", "https://t.me/console_unlabelled")
                .formParam("action", "save")
                .post("/console/accounts")
                .then()
                .statusCode(303);

        String dashboard = given().get("/console?q=console_unlabelled")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(dashboard.contains(">@console_unlabelled</a>"), dashboard);
        assertTrue(!dashboard.contains("@console_unlabelled</a> <span class=\"muted\">@console_unlabelled"), dashboard);
    }

    @Test
    void manyAccountsArePagedThoseNeedingAttentionFirstAndFoundByWords() throws SQLException {
        String group = "paged_" + System.nanoTime();
        List<Long> ids = new ArrayList<>();
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(true);
            for (int i = 0; i < 130; i++) {
                String handle = group + "_" + i;
                ids.add(ArchiveRows.account(
                        db, "TELEGRAM", handle, "https://t.me/" + handle, null, false, clock.instant()));
            }
            try (PreparedStatement grouped = db.prepareStatement(
                    "UPDATE account SET account_group = ?, watch_failing = (id = ?) WHERE handle LIKE ?")) {
                grouped.setString(1, group);
                grouped.setLong(2, ids.getFirst());
                grouped.setString(3, group + "%");
                grouped.executeUpdate();
            }
        }

        String first = given().get("/console?q=" + group.toUpperCase(Locale.ROOT))
                .then()
                .statusCode(200)
                .body(containsString("130 accounts match"))
                .body(containsString("1 needs attention"))
                .body(containsString("130 paused"))
                .body(containsString("Showing 1 to 100."))
                .body(containsString(
                        "href=\"/console?q=" + group.toUpperCase(Locale.ROOT) + "&amp;page=1\" rel=\"next\""))
                .body(not(containsString("rel=\"prev\"")))
                .extract()
                .asString();
        List<Long> shown = accountsListed(first);
        assertEquals(100, shown.size(), first);
        assertEquals(ids.getFirst(), shown.getFirst(), "the failing account comes first");
        assertEquals(ids.reversed().subList(0, 99), shown.subList(1, 100), "then the newest added");

        String second = given().get("/console?q=" + group + "&page=1")
                .then()
                .statusCode(200)
                .body(containsString("Showing 101 to 130."))
                .body(containsString("rel=\"prev\""))
                .body(not(containsString("rel=\"next\"")))
                .extract()
                .asString();
        assertEquals(ids.subList(1, 31).reversed(), accountsListed(second));

        given().queryParam("q", group.replace("_", "%"))
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("No account matches."));
        given().get("/console?q=" + group + "_129").then().body(containsString("1 account matches"));
    }

    /** The accounts the dashboard's table lists, in order. */
    private static List<Long> accountsListed(String dashboard) {
        Matcher row = Pattern.compile(
                        "<tr(?: class=\"failing\")?>\\s+<th scope=\"row\">.*?<a href=\"/console/accounts/(\\d+)\"",
                        Pattern.DOTALL)
                .matcher(dashboard);
        List<Long> ids = new ArrayList<>();
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    @Test
    void addAccountFormShowsTheErrorNextToTheUrlField() {
        ConsoleSession session = ConsoleSession.open("/console/accounts/new");

        session.form()
                .formParam("url", "https://example.invalid/not a profile")
                .formParam("action", "save")
                .post("/console/accounts")
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"url-error\" class=\"error\">"))
                .body(containsString("aria-invalid=\"true\""));
    }

    @Test
    void webPageWithoutItsItemSelectorShowsTheErrorNextToThatOption() {
        ConsoleSession session = ConsoleSession.open("/console/accounts/new");

        session.form()
                .formParam("url", "https://news.example.org/press")
                .formParam("platform", "web")
                .formParam("option.link", "h2 a")
                .formParam("action", "check")
                .post("/console/accounts")
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"option-item-error\" class=\"error\">a CSS selector of the listing"))
                .body(containsString("name=\"option.link\" value=\"h2 a\""));
    }

    @Test
    void checkSaysWhichPlatformTheUrlIsWithoutSavingIt() {
        ConsoleSession session = ConsoleSession.open("/console/accounts/new");

        session.form()
                .formParam("url", "https://t.me/s/Console_Checked")
                .formParam("action", "check")
                .post("/console/accounts")
                .then()
                .statusCode(200)
                .body(containsString("Detected: Telegram account @console_checked — https://t.me/console_checked"));

        given().get("/api/accounts").then().body(not(containsString("console_checked")));
    }

    @Test
    void savingTheFormWatchesTheAccountAndOpensItsPage() {
        ConsoleSession session = ConsoleSession.open("/console/accounts/new");

        String location = session.form()
                .formParam("url", "https://t.me/console_saved")
                .formParam("label", "Saved <b>label</b>")
                .formParam("interval", "120")
                .formParam("action", "save")
                .post("/console/accounts")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");

        given().get(location)
                .then()
                .statusCode(200)
                .body(containsString("Saved &lt;b&gt;label&lt;/b&gt;"))
                .body(containsString("every 2 minutes"))
                .body(containsString("Account added."));
    }

    @Test
    void formPostWithoutTheTokenIsRefused() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("url", "https://t.me/console_forged")
                .post("/console/accounts")
                .then()
                .statusCode(403);
        given().get("/api/accounts").then().body(not(containsString("console_forged")));
    }

    @Test
    void resolveNamesThePlatformOfAProfileUrlOrTheFieldAtFault() {
        given().get("/api/accounts/resolve?url=https://t.me/s/Resolve_Me")
                .then()
                .statusCode(200)
                .body("platform", equalTo("telegram"))
                .body("handle", equalTo("resolve_me"))
                .body("canonicalUrl", equalTo("https://t.me/resolve_me"));
        given().get("/api/accounts/resolve?url=ftp://nowhere")
                .then()
                .statusCode(400)
                .body("field", equalTo("url"));
    }

    @Test
    void accountPageFiltersPostsByStateAndFindsArchivedText() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(3), "Harvest figures published");
        scenario.post(2, Duration.ofHours(2), "Convoy near the border");
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(2, "Convoy far from the border");
        scenario.advance(MINUTE);
        scenario.poll();
        String page = "/console/accounts/" + scenario.accountId();

        given().get(page + "?state=edited")
                .then()
                .statusCode(200)
                .body(containsString("Convoy far from the border"))
                .body(containsString("Edited · 2 versions"))
                .body(not(containsString("Harvest figures")));
        given().get(page + "?q=HARVEST")
                .then()
                .body(containsString("Harvest figures published"))
                .body(not(containsString("Convoy far")));
        // An earlier version's words find the post too: the search covers every archived version.
        given().get(page + "?q=near the").then().body(containsString("Convoy far from the border"));
        given().get(page + "?q=100%25").then().body(containsString("No posts match"));
    }

    @Test
    void accountWithArchivedPostsIsNotDeletedAndPauseIsOffered() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(1), "Evidence");
        scenario.watch();
        scenario.poll();
        String page = "/console/accounts/" + scenario.accountId();
        ConsoleSession session = ConsoleSession.open(page);

        given().get(page + "/delete")
                .then()
                .statusCode(200)
                .body(containsString("cannot be deleted: 1 archived posts"))
                .body(containsString("Pause instead"));
        session.form().post(page + "/delete").then().statusCode(409).body(containsString("kept as evidence"));
        session.form().post(page + "/pause").then().statusCode(303);
        given().get(page).then().body(containsString("Resume"));
    }

    @Test
    void postPageShowsTimelineDiffAndEvidenceLinks() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(5, Duration.ofMinutes(30), "The convoy was seen near the border");
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(5, "The convoy was seen far from the border");
        scenario.advance(MINUTE);
        scenario.poll();
        long postId = scenario.postByPlatformId(5).getLong("post.id");

        given().get("/console/posts/" + postId)
                .then()
                .statusCode(200)
                .body(containsString("Changes from version 1 to version 2"))
                .body(containsString("<del>near</del>"))
                .body(containsString("<ins>far from</ins>"))
                .body(containsString("class=\"text diff-before\""))
                .body(containsString("Post edited"))
                .body(containsString("after publication"))
                .body(containsString("href=\"/timemap/link/https://t.me/" + scenario.channel.channel() + "/5\""))
                .body(containsString("/api/posts/" + postId + "/export.warc.gz"));
    }

    @Test
    void aDeletedPostShowsItsDeletionWindowAndThePlatformsAnswer() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(7, Duration.ofHours(2), "Irrefutable evidence");
        scenario.post(8, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(7);
        scenario.advance(MINUTE);
        scenario.poll();
        long postId = scenario.postByPlatformId(7).getLong("post.id");
        String page = "/console/posts/" + postId;

        given().get(page)
                .then()
                .statusCode(200)
                .body(containsString("Confirmed deleted"))
                .body(containsString("deleted within 1 min of being last seen"))
                .body(containsString("href=\"" + page + "/deletion-proof\""));
        given().get(page + "/deletion-proof")
                .then()
                .statusCode(200)
                .body(containsString("Deletion proof"))
                .body(containsString(scenario.embedPath(7)))
                .body(containsString("HTTP/1.1 200"))
                .body(containsString(page + "/deletion-proof/body"));
        given().get(page + "/deletion-proof/body")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff");
        long livePost = scenario.postByPlatformId(8).getLong("post.id");
        given().get("/console/posts/" + livePost).then().body(not(containsString("Confirmed deleted")));
        given().get("/console/posts/" + livePost + "/deletion-proof").then().statusCode(404);
    }

    @Test
    void aSwappedPictureIsShownBeforeAndAfterSideBySide() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(6, Duration.ofMinutes(30), "Damage at the depot").photo(scenario.picture("depot-before", 11));
        scenario.watch();
        scenario.poll();
        scenario.channel
                .message(6)
                .clearMedia()
                .photo(scenario.picture("depot-after", 12))
                .edited();
        scenario.advance(MINUTE);
        scenario.poll();
        long postId = scenario.postByPlatformId(6).getLong("post.id");

        String page = given().get("/console/posts/" + postId)
                .then()
                .statusCode(200)
                .body(containsString("<h3>Media changed</h3>"))
                .body(containsString("Before: version 1"))
                .body(containsString("After: version 2"))
                .extract()
                .asString();
        String before = page.substring(page.indexOf("class=\"media-before\""), page.indexOf("class=\"media-after\""));
        String after = page.substring(page.indexOf("class=\"media-after\""));
        assertTrue(before.contains("<img src=\"/media/"), before);
        assertTrue(after.contains("<img src=\"/media/"), after);
        String beforeImage = before.substring(before.indexOf("<img src=\"") + 10, before.indexOf("\" alt"));
        assertTrue(!after.contains(beforeImage), "the after side shows another file than " + beforeImage);
    }

    @Test
    void anEditOfTheTextAloneShowsNoMediaChange() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(8, Duration.ofMinutes(30), "Damage at the depot").photo(scenario.picture("depot-same", 13));
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(8, "Heavy damage at the depot");
        scenario.advance(MINUTE);
        scenario.poll();
        long postId = scenario.postByPlatformId(8).getLong("post.id");

        given().get("/console/posts/" + postId)
                .then()
                .statusCode(200)
                .body(containsString("<ins>Heavy damage</ins>"))
                .body(not(containsString("Media changed")));
    }

    @Test
    void webhookSecretIsShownOnceWhenAdded() {
        ConsoleSession session = ConsoleSession.open("/console/webhooks");

        String page = session.form()
                .formParam("url", wireMock.baseUrl() + "/hooks/console")
                .formParam("format", "json")
                .formParam("events", "POST_DELETED")
                .post("/console/webhooks")
                .then()
                .statusCode(201)
                .body(containsString("shown this once"))
                .extract()
                .asString();
        String secret = page.replaceAll("(?s).*id=\"secret\" readonly value=\"([^\"]+)\".*", "$1");

        assertTrue(secret.length() > 20, secret);
        given().get("/console/webhooks")
                .then()
                .body(allOf(containsString("/hooks/console"), not(containsString(secret))));
    }

    @Test
    void failedDeliveryIsLoggedAndCanBeRetriedFromItsEndpointPage() throws InterruptedException {
        wireMock.stubFor(post(urlPathEqualTo("/hooks/failing")).willReturn(serverError()));
        long webhook = given().contentType(ContentType.JSON)
                .body("{\"url\":\"" + wireMock.baseUrl() + "/hooks/failing\"}")
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        ConsoleSession session = ConsoleSession.open("/console/webhooks/" + webhook);
        session.form()
                .post("/console/webhooks/" + webhook + "/test")
                .then()
                .statusCode(303)
                .header("Location", containsString("notice=test"));
        long delivery = awaitFailedAttempt(webhook);

        given().get("/console/webhooks/" + webhook)
                .then()
                .body(containsString("HTTP 500"))
                .body(containsString("aria-label=\"Retry delivery " + delivery + "\""));
        session.form()
                .post("/console/webhooks/deliveries/" + delivery + "/retry")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/webhooks/" + webhook + "?notice=retried"));
    }

    /** The test message's delivery once its first attempt is recorded (the dispatcher sends it at once). */
    private static long awaitFailedAttempt(long webhook) throws InterruptedException {
        for (int tries = 0; tries < 100; tries++) {
            var deliveries = given().get("/api/webhooks/" + webhook + "/deliveries")
                    .then()
                    .extract()
                    .jsonPath();
            if (deliveries.getList("$").size() == 1 && deliveries.getInt("[0].attempts") >= 1) {
                return deliveries.getLong("[0].id");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the test message was not attempted within 10 s");
    }

    @Test
    void webhookFormShowsAnUnacceptableUrlNextToTheField() {
        ConsoleSession session = ConsoleSession.open("/console/webhooks");

        session.form()
                .formParam("url", "ftp://example.org/hook")
                .post("/console/webhooks")
                .then()
                .statusCode(400)
                .body(containsString("id=\"hook-url-error\""));
    }

    @Test
    void lookupByUrlOpensTheArchivedPostOrSaysWhyNot() {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(9, Duration.ofHours(1), "Look me up");
        scenario.watch();
        scenario.poll();
        long postId = scenario.postByPlatformId(9).getLong("post.id");

        String location = given().redirects()
                .follow(false)
                .get("/console/lookup?url=https://t.me/s/" + scenario.channel.channel() + "/9")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.endsWith("/console/posts/" + postId), location);
        given().get("/console/lookup?url=https://t.me/" + scenario.channel.channel() + "/404")
                .then()
                .statusCode(404)
                .body(containsString("id=\"url-error\""))
                .body(containsString("was not seen"));
    }

    @Test
    void everyPageHasTheNavigationAndALanguage() {
        for (String page : new String[] {"/console", "/console/accounts/new", "/console/webhooks", "/console/lookup"}) {
            String html = given().get(page).then().statusCode(200).extract().asString();
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
            assertTrue(html.contains("<nav aria-label=\"Console\">"), page);
            assertEquals(1, html.split("<h1>", -1).length - 1, page + " has one h1");
        }
    }
}
