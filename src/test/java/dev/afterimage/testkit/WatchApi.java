package dev.afterimage.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * One watched account driven through the public API: add it, poll it, read its events and archived posts. For
 * sources whose post ids are strings chosen by the publisher (a feed's guid, an article's URL).
 */
public final class WatchApi {

    private long accountId;

    /** Adds the account with this request body ({@code url}, or {@code platform} and {@code handle}, ...). */
    public long watch(Map<String, Object> request) {
        accountId = ((Number) given().contentType(ContentType.JSON)
                        .body(request)
                        .when()
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        return accountId;
    }

    public long accountId() {
        return accountId;
    }

    /** Polls once; returns the poll's summary. */
    public JsonPath poll() {
        return given().when()
                .post("/api/accounts/" + accountId + "/poll")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public JsonPath account() {
        return given().when()
                .get("/api/accounts/" + accountId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every event about this account so far, in id order. */
    public List<Map<String, Object>> events() {
        return given().when()
                .get("/api/events?account=" + accountId + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    public List<String> eventTypes() {
        return events().stream().map(event -> (String) event.get("type")).toList();
    }

    /** The archived post with this platform id, with its versions and events. */
    public JsonPath post(String platformPostId) {
        List<Map<String, Object>> posts = given().when()
                .get("/api/posts?account=" + accountId + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Object id = posts.stream()
                .filter(post -> platformPostId.equals(post.get("platformPostId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("post " + platformPostId + " is not archived"))
                .get("id");
        return given().when()
                .get("/api/posts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
