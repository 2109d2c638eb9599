package dev.afterimage.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.afterimage.testkit.ArchiveRows;
import dev.afterimage.testkit.WireMockResource;
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
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class AccountApiTest {

    @Inject
    AgroalDataSource data;

    @Test
    void shouldAddAChannelByItsUrl() {
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://t.me/s/Api_ByUrl\",\"label\":\"Ministry\",\"pollInterval\":\"PT2M\"}")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/accounts/"))
                .body("id", notNullValue())
                .body("platform", equalTo("telegram"))
                .body("handle", equalTo("api_byurl"))
                .body("url", equalTo("https://t.me/api_byurl"))
                .body("label", equalTo("Ministry"))
                .body("pollInterval", equalTo("PT2M"))
                .body("enabled", equalTo(true))
                .body("availability", equalTo("ACTIVE"))
                .body("origin", equalTo("API"));
    }

    @Test
    void shouldAddAChannelByPlatformAndHandle() {
        given().contentType(ContentType.JSON)
                .body("{\"platform\":\"Telegram\",\"handle\":\"@api_byhandle\"}")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .body("handle", equalTo("api_byhandle"))
                .body("pollInterval", equalTo("PT1M"));
    }

    @Test
    void shouldRefuseADuplicateWith409NamingTheExistingAccount() {
        int id = create("{\"url\":\"https://t.me/api_duplicate\"}");
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"telegram.me/API_DUPLICATE\"}")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("existingId", equalTo(id));
    }

    @Test
    void shouldNameTheFieldOfBadInput() {
        badRequest("{\"platform\":\"myspace\",\"handle\":\"x\"}", "platform");
        badRequest("{\"platform\":\"telegram\",\"handle\":\"no way!\"}", "handle");
        badRequest("{\"platform\":\"telegram\"}", "handle");
        badRequest("{\"url\":\"https://example.org/someone\"}", "url");
        badRequest("{\"url\":\"ftp://t.me/someone\"}", "url");
        badRequest("{}", "url");
        badRequest("{\"url\":\"https://t.me/api_badinterval\",\"pollInterval\":\"every minute\"}", "pollInterval");
        badRequest("{\"url\":\"https://t.me/api_badinterval\",\"pollInterval\":\"PT5S\"}", "pollInterval");
        badRequest("{\"url\":\"https://t.me/api_badinterval\",\"pollInterval\":\"P30D\"}", "pollInterval");
        badRequest(
                "{\"url\":\"https://t.me/api_badinterval\",\"pollInterval\":\"PT9223372036854775807S\"}",
                "pollInterval");
        badRequest("{\"url\":\"https://t.me/api_badlabel\",\"label\":\"" + "x".repeat(256) + "\"}", "label");
        badRequest("{\"url\":\"https://t.me/api_badtype\",\"enabled\":\"perhaps\"}", "enabled");
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblemNotAStackTrace() {
        given().contentType(ContentType.JSON)
                .body("{\"url\": ")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldListGetChangeAndDeleteAnAccount() {
        int id = create("{\"url\":\"https://t.me/api_lifecycle\"}");
        given().when().get("/api/accounts").then().statusCode(200).body("id", hasItem(id));
        given().contentType(ContentType.JSON)
                .body("{\"label\":\"Renamed\",\"pollInterval\":\"PT30S\",\"enabled\":false}")
                .when()
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("label", equalTo("Renamed"))
                .body("pollInterval", equalTo("PT30S"))
                .body("enabled", equalTo(false));
        given().when().get("/api/accounts/" + id).then().statusCode(200).body("label", equalTo("Renamed"));
        given().when().delete("/api/accounts/" + id).then().statusCode(204);
        given().when().get("/api/accounts/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldKeepAPublishersGroupAndRefuseOptionsAPlatformDoesNotTake() {
        int id = create("{\"url\":\"https://t.me/api_grouped\",\"group\":\"  Ministry of Defence \"}");
        given().when().get("/api/accounts/" + id).then().statusCode(200).body("group", equalTo("Ministry of Defence"));
        given().contentType(ContentType.JSON)
                .body("{\"group\":\"\"}")
                .when()
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("group", equalTo(null));
        badRequest("{\"url\":\"https://t.me/api_options\",\"options\":{\"item\":\"article\"}}", "options");
        badRequest("{\"url\":\"https://t.me/api_badgroup\",\"group\":\"" + "g".repeat(256) + "\"}", "group");
    }

    @ParameterizedTest
    @CsvSource({
        "https://t.me/s/api_detect_tg, telegram, api_detect_tg, PT1M",
        "https://twitter.com/Api_Detect_X, x, api_detect_x, PT5M",
        "https://www.facebook.com/ApiDetectPage, facebook, apidetectpage, PT5M",
        "https://bsky.app/profile/api-detect.bsky.social, bluesky, api-detect.bsky.social, PT1M",
        "https://mastodon.social/@api_detect, mastodon, api_detect@mastodon.social, PT1M",
        "https://www.youtube.com/channel/UCapidetect0000000000000, rss,"
                + " https://www.youtube.com/feeds/videos.xml?channel_id=UCapidetect0000000000000, PT1M",
        "https://ministry.example/press/feed.rss, rss, https://ministry.example/press/feed.rss, PT1M"
    })
    void shouldDetectThePlatformOfEveryProfileUrlAndUseItsDefaultInterval(
            String url, String platform, String handle, String interval) {
        int id = create("{\"url\":\"" + url + "\"}");
        given().when()
                .get("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("platform", equalTo(platform))
                .body("handle", equalTo(handle))
                .body("pollInterval", equalTo(interval));
    }

    @Test
    void shouldWatchAWebPageByItsSelectorsAndNameABadOne() {
        int id = create("{\"platform\":\"web\",\"handle\":\"https://ministry.example/news\","
                + "\"options\":{\"item\":\"article.news\",\"link\":\"h2 a\"}}");
        given().when()
                .get("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("platform", equalTo("web"))
                .body("options.item", equalTo("article.news"))
                .body("pollInterval", equalTo("PT10M"));
        badRequest(
                "{\"platform\":\"web\",\"handle\":\"https://ministry.example/other\","
                        + "\"options\":{\"item\":\"article[\",\"link\":\"a\"}}",
                "options.item");
        badRequest(
                "{\"platform\":\"web\",\"handle\":\"https://ministry.example/third\","
                        + "\"options\":{\"link\":\"a\"}}",
                "options.item");
    }

    @Test
    void shouldRefuseAChangeAnotherSitesPageMakesABrowserSendButNotOneFromItsOwnPagesOrFromCurl() {
        int id = create("{\"url\":\"https://t.me/api_crosssite\",\"enabled\":false}");
        given().header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.JSON)
                .body("{\"label\":\"forged\"}")
                .when()
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.JSON)
                .body("{\"label\":\"mine\"}")
                .when()
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("label", equalTo("mine"));
        given().header("Sec-Fetch-Site", "cross-site")
                .get("/api/accounts/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseBadListParameters() {
        given().when().get("/api/posts?state=GONE").then().statusCode(400).body("field", equalTo("state"));
        given().when().get("/api/posts?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        given().when().get("/api/posts?limit=1001").then().statusCode(400).body("field", equalTo("limit"));
        given().when().get("/api/events?after=-1").then().statusCode(400).body("field", equalTo("after"));
        given().when().get("/api/events?after=abc").then().statusCode(400).body("field", equalTo("after"));
        given().when().get("/api/posts?account=x").then().statusCode(400).body("field", equalTo("account"));
    }

    @Test
    void shouldAnswer404ForUnknownThings() {
        given().when().get("/api/posts/999999").then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/accounts/999999/poll").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/media/" + "0".repeat(64)).then().statusCode(404);
        given().when().get("/media/not-a-hash").then().statusCode(404);
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", notNullValue())
                .body("paths.keySet()", hasItem("/api/posts"))
                .body("paths.keySet().findAll { it.startsWith('/console') }", empty());
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    static int create(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void pollIntervalIsWrittenAsTheConfigurationKeysAre() {
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://t.me/api_shortinterval\",\"pollInterval\":\"5m\"}")
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .body("pollInterval", equalTo("PT5M"));
    }

    @Test
    void queryParameterACallDoesNotTakeIsRefusedNotIgnored() {
        given().get("/api/posts?q=convoy")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("q"))
                .body("detail", containsString("account, state, limit, offset"));
        given().get("/api/posts?state=LIVE&limit=1").then().statusCode(200);
    }

    private static void badRequest(String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", notNullValue());
    }

    @Test
    void anAccountsPostsAreListedNewestFirstPageByPageInAStateOrAll() throws SQLException {
        long account;
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(true);
            String handle = "api_paged_" + System.nanoTime();
            Instant now = Instant.parse("2026-06-01T00:00:00Z");
            account = ArchiveRows.account(db, "TELEGRAM", handle, "https://t.me/s/" + handle, null, false, now);
            ArchiveRows.hourlyPosts(db, account, handle, 200, now);
            try (PreparedStatement seen = db.prepareStatement("INSERT INTO post_sighting (post_id, last_seen_at)"
                    + " SELECT id, first_seen_at FROM post WHERE account_id = ?")) {
                seen.setLong(1, account);
                seen.executeUpdate();
            }
        }

        given().get("/api/posts?account=" + account + "&limit=3&offset=2")
                .then()
                .statusCode(200)
                .body("platformPostId", contains("198", "197", "196"));
        given().get("/api/posts?account=" + account + "&state=DELETED")
                .then()
                .statusCode(200)
                .body("platformPostId", contains("194", "97"));
        given().get("/api/posts?account=" + account + "&state=LIVE&limit=2&offset=3")
                .then()
                .statusCode(200)
                .body("platformPostId", contains("197", "196"));
    }

    @Test
    void everyAccountsPostsAreListedNewestFirstPageByPageInAStateOrAll() throws SQLException {
        // Published two centuries on, so these are the archive's newest whatever else the suite wrote.
        Instant newest = Instant.parse("2200-01-01T00:00:00Z");
        String first = "api_everyone_a_" + System.nanoTime();
        String second = "api_everyone_b_" + System.nanoTime();
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(true);
            long a = ArchiveRows.account(db, "TELEGRAM", first, "https://t.me/s/" + first, null, false, newest);
            long b = ArchiveRows.account(db, "TELEGRAM", second, "https://t.me/s/" + second, null, false, newest);
            ArchiveRows.hourlyPosts(db, a, first, 200, newest);
            ArchiveRows.hourlyPosts(db, b, second, 200, newest.plus(Duration.ofMinutes(30)));
            try (PreparedStatement seen = db.prepareStatement("INSERT INTO post_sighting (post_id, last_seen_at)"
                    + " SELECT id, first_seen_at FROM post WHERE account_id IN (?, ?)")) {
                seen.setLong(1, a);
                seen.setLong(2, b);
                seen.executeUpdate();
            }
        }

        given().get("/api/posts?limit=3&offset=2")
                .then()
                .statusCode(200)
                .body(
                        "url",
                        contains(
                                "https://t.me/" + second + "/199",
                                "https://t.me/" + first + "/199",
                                "https://t.me/" + second + "/198"));
        given().get("/api/posts?state=DELETED&limit=4")
                .then()
                .statusCode(200)
                .body(
                        "url",
                        contains(
                                "https://t.me/" + second + "/194",
                                "https://t.me/" + first + "/194",
                                "https://t.me/" + second + "/97",
                                "https://t.me/" + first + "/97"));
        given().get("/api/posts?state=LIVE&limit=2")
                .then()
                .statusCode(200)
                .body("url", contains("https://t.me/" + second + "/200", "https://t.me/" + first + "/200"));
    }
}
