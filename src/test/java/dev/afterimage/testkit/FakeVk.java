package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A VK community a test drives through time: post, edit, delete, close the community or delete it. It serves the VK
 * API's answers of its current state from WireMock, in the shapes documented for API 5.199: {@code wall.get} (asked
 * by screen name or by owner id), {@code wall.getById} (one post per request, an empty {@code items} for a post that
 * does not exist), {@code groups.getById}, and error 15 inside an HTTP 200 for the wall of a closed community.
 */
public final class FakeVk {

    private static final String METADATA_KEY = "fakeVkCommunity";
    private static final AtomicLong GROUP_IDS = new AtomicLong(5_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    // Below the default priority (5): the per-post stubs win, this answers every other post of the wall.
    private static final int FALLBACK_PRIORITY = 10;

    private final String screenName;
    private final long groupId = GROUP_IDS.incrementAndGet();
    private final NavigableMap<Long, Post> posts = new TreeMap<>();
    private long nextPost = 100;
    private boolean closed;
    private boolean deleted;

    public FakeVk(String screenName) {
        this.screenName = Objects.requireNonNull(screenName, "screenName");
    }

    public String screenName() {
        return screenName;
    }

    /** Publishes a post; returns its id as Afterimage knows it, {@code <owner id>_<post id>}. */
    public String post(Instant at, String text, String... photoUrls) {
        long number = nextPost++;
        posts.put(number, new Post(number, at.getEpochSecond(), null, text, List.of(photoUrls)));
        return id(number);
    }

    /** Changes a post's text and photos; VK sets its {@code edited} time. */
    public void edit(String id, Instant at, String text, String... photoUrls) {
        Post post = post(id);
        posts.put(post.number(), new Post(post.number(), post.date(), at.getEpochSecond(), text, List.of(photoUrls)));
    }

    public void delete(String id) {
        posts.remove(post(id).number());
    }

    /** Closes the community to non-members (its wall is refused with error 15), or opens it again. */
    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    /** Deletes the community (groups.getById then says {@code deactivated: "deleted"}). */
    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    /** Replaces this community's stubs with ones serving its current state; call it after every change. */
    public void install(WireMockServer server) {
        WireMock client = new WireMock(server);
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(screenName)));
        ObjectNode wall = closed || deleted ? accessDenied() : wall();
        stub(client, get(urlPathEqualTo("/method/wall.get")).withQueryParam("domain", equalTo(screenName)), wall);
        stub(client, get(urlPathEqualTo("/method/wall.get")).withQueryParam("owner_id", equalTo("-" + groupId)), wall);
        stub(
                client,
                get(urlPathEqualTo("/method/groups.getById")).withQueryParam("group_id", equalTo(screenName)),
                group());
        stub(
                client,
                get(urlPathEqualTo("/method/wall.getById"))
                        .withQueryParam("posts", WireMock.matching("-" + groupId + "_\\d+"))
                        .atPriority(FALLBACK_PRIORITY),
                items(List.of()));
        if (closed || deleted) {
            return;
        }
        for (Post post : posts.values()) {
            stub(
                    client,
                    get(urlPathEqualTo("/method/wall.getById")).withQueryParam("posts", equalTo(id(post.number()))),
                    items(List.of(post)));
        }
    }

    private ObjectNode wall() {
        ObjectNode answer = items(posts.descendingMap().values().stream().toList());
        ((ObjectNode) answer.get("response")).put("count", posts.size());
        return answer;
    }

    private ObjectNode items(List<Post> shown) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putObject("response").putArray("items");
        for (Post post : shown) {
            ObjectNode item = items.addObject()
                    .put("id", post.number())
                    .put("owner_id", -groupId)
                    .put("from_id", -groupId)
                    .put("date", post.date())
                    .put("post_type", "post")
                    .put("text", post.text());
            if (post.edited() != null) {
                item.put("edited", post.edited());
            }
            ArrayNode attachments = item.putArray("attachments");
            long photoId = 457_239_000L;
            for (String url : post.photos()) {
                ObjectNode photo = attachments.addObject().put("type", "photo").putObject("photo");
                photo.put("id", photoId++).put("owner_id", -groupId).put("date", post.date());
                ArrayNode sizes = photo.putArray("sizes");
                sizes.addObject()
                        .put("type", "s")
                        .put("url", url + "?size=s")
                        .put("width", 75)
                        .put("height", 56);
                sizes.addObject()
                        .put("type", "z")
                        .put("url", url)
                        .put("width", 800)
                        .put("height", 600);
            }
            item.putObject("views").put("count", 1000);
        }
        return answer;
    }

    private ObjectNode group() {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode response = answer.putObject("response");
        ObjectNode group = response.putArray("groups").addObject();
        group.put("id", groupId).put("name", "Community " + screenName).put("screen_name", screenName);
        group.put("is_closed", closed ? 1 : 0).put("type", "group");
        if (deleted) {
            group.put("deactivated", "deleted");
        }
        response.putArray("profiles");
        return answer;
    }

    private static ObjectNode accessDenied() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error")
                .put("error_code", 15)
                .put("error_msg", "Access denied: this wall available only for community members");
        return answer;
    }

    private String id(long number) {
        return "-" + groupId + "_" + number;
    }

    private Post post(String id) {
        if (!id.startsWith("-" + groupId + "_")) {
            throw new IllegalArgumentException(id + " is not a post of " + screenName);
        }
        Post post = posts.get(Long.parseLong(id.substring(id.indexOf('_') + 1)));
        if (post == null) {
            throw new IllegalArgumentException("no post " + id + " on " + screenName);
        }
        return post;
    }

    private void stub(WireMock client, MappingBuilder mapping, ObjectNode body) {
        client.register(
                mapping.willReturn(json(body)).withMetadata(Metadata.metadata().attr(METADATA_KEY, screenName)));
    }

    /** VK answers errors with HTTP 200 too. */
    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    private record Post(long number, long date, Long edited, String text, List<String> photos) {}
}
