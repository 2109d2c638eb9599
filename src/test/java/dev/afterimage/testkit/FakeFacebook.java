package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Facebook Page a test drives through time: post, edit the message, swap photos, delete, make the page vanish. It
 * serves Graph API answers of its current state from WireMock in the documented shapes: the page's posts newest first
 * with {@code paging.cursors.after} and {@code paging.next} while older posts exist, the page object, each post
 * object, and the documented errors (100/33 for a deleted post, 803 for a page name nobody holds).
 */
public final class FakeFacebook {

    public static final String VERSION = "v23.0";

    private static final String METADATA_KEY = "fakeFacebookPage";
    private static final AtomicLong PAGE_IDS = new AtomicLong(700_000_000_000_000L);
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    // Below the default priority (5): the per-post stubs win, this answers every other post id of the page.
    private static final int FALLBACK_PRIORITY = 10;

    private final String handle;
    private final String pageId = String.valueOf(PAGE_IDS.incrementAndGet());
    private final NavigableMap<Long, Post> posts = new TreeMap<>();
    private long nextPost = 1_000;
    private boolean gone;
    private boolean needsPageAccess;
    private int pageSize = 25;

    /** @param handle the page's username, as in {@code facebook.com/<handle>} */
    public FakeFacebook(String handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    public String handle() {
        return handle;
    }

    /** Publishes a post; returns its Graph id, {@code <page id>_<post id>}. */
    public String post(Instant at, String message, String... photoUrls) {
        long number = nextPost++;
        Instant created = at.truncatedTo(ChronoUnit.SECONDS);
        posts.put(number, new Post(number, created, created, message, List.of(photoUrls)));
        return graphId(number);
    }

    /** Changes a post's message and photos, as an edit does; Facebook moves its {@code updated_time}. */
    public void edit(String graphId, Instant at, String message, String... photoUrls) {
        Post post = post(graphId);
        posts.put(
                post.number(),
                new Post(
                        post.number(),
                        post.created(),
                        at.truncatedTo(ChronoUnit.SECONDS),
                        message,
                        List.of(photoUrls)));
    }

    public void delete(String graphId) {
        posts.remove(post(graphId).number());
    }

    /** Makes the page vanish (deleted, unpublished or renamed away), or come back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    /**
     * Makes Graph refuse the page's posts to our token as it refuses an app without Page Public Content Access
     * (the page object itself still answers), or serve them again.
     */
    public void setNeedsPageAccess(boolean needsPageAccess) {
        this.needsPageAccess = needsPageAccess;
    }

    public FakeFacebook pageSize(int postsPerPage) {
        pageSize = postsPerPage;
        return this;
    }

    /** Replaces this page's stubs with ones serving its current state; call it after every change. */
    public void install(WireMockServer server) {
        WireMock client = new WireMock(server);
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(handle)));
        String page = "/" + VERSION + "/" + handle;
        stub(
                client,
                get(urlPathMatching("/" + VERSION + "/" + pageId + "_\\d+"))
                        .atPriority(FALLBACK_PRIORITY)
                        .willReturn(json(400, objectMissing())));
        if (gone) {
            stub(client, get(urlPathEqualTo(page)).willReturn(json(404, aliasMissing())));
            stub(client, get(urlPathEqualTo(page + "/posts")).willReturn(json(404, aliasMissing())));
            return;
        }
        stub(
                client,
                get(urlPathEqualTo(page))
                        .willReturn(json(
                                200, JSON.createObjectNode().put("id", pageId).put("name", handle))));
        if (needsPageAccess) {
            stub(client, get(urlPathEqualTo(page + "/posts")).willReturn(json(400, pageAccessRequired())));
            return;
        }
        List<Post> newestFirst = List.copyOf(posts.descendingMap().values());
        int pages = Math.max(1, (newestFirst.size() + pageSize - 1) / pageSize);
        for (int number = 1; number <= pages; number++) {
            List<Post> shown =
                    newestFirst.subList((number - 1) * pageSize, Math.min(newestFirst.size(), number * pageSize));
            stub(
                    client,
                    get(urlPathEqualTo(page + "/posts"))
                            .withQueryParam("after", number == 1 ? absent() : equalTo(cursor(number)))
                            .willReturn(json(200, listing(shown, number, number < pages))));
        }
        for (Post post : posts.values()) {
            stub(
                    client,
                    get(urlPathEqualTo("/" + VERSION + "/" + graphId(post.number())))
                            .willReturn(json(
                                    200,
                                    JSON.createObjectNode()
                                            .put("id", graphId(post.number()))
                                            .put("permalink_url", permalink(post)))));
        }
    }

    private ObjectNode listing(List<Post> shown, int number, boolean more) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (Post post : shown) {
            ObjectNode item = data.addObject()
                    .put("id", graphId(post.number()))
                    .put("message", post.message())
                    .put("created_time", GRAPH_TIME.format(post.created()))
                    .put("updated_time", GRAPH_TIME.format(post.updated()))
                    .put("permalink_url", permalink(post));
            if (!post.photos().isEmpty()) {
                item.put("full_picture", post.photos().getFirst());
                ArrayNode attachments = item.putObject("attachments").putArray("data");
                ObjectNode attachment = attachments.addObject();
                List<ObjectNode> parts = new ArrayList<>();
                if (post.photos().size() == 1) {
                    parts.add(attachment);
                } else {
                    attachment.put("media_type", "album");
                    ArrayNode sub = attachment.putObject("subattachments").putArray("data");
                    post.photos().forEach(photo -> parts.add(sub.addObject()));
                }
                for (int i = 0; i < parts.size(); i++) {
                    parts.get(i).put("media_type", "photo");
                    parts.get(i)
                            .putObject("media")
                            .putObject("image")
                            .put("src", post.photos().get(i))
                            .put("width", 800)
                            .put("height", 600);
                }
            }
        }
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", "before-" + number).put("after", cursor(number + 1));
        if (more) {
            paging.put(
                    "next",
                    "https://graph.facebook.com/" + VERSION + "/" + pageId + "/posts?after=" + cursor(number + 1));
        }
        return answer;
    }

    private String permalink(Post post) {
        return "https://www.facebook.com/" + handle + "/posts/" + post.number();
    }

    /** Graph's words to an app without the feature, as quoted in public bug reports (e.g. pdir/social-feed-bundle#184). */
    private static ObjectNode pageAccessRequired() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error")
                .put(
                        "message",
                        "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public"
                                + " Content Access' feature. Refer to"
                                + " https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages"
                                + " and https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS"
                                + " for details.")
                .put("type", "OAuthException")
                .put("code", 10)
                .put("fbtrace_id", "FakeTrace");
        return answer;
    }

    private static ObjectNode objectMissing() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error")
                .put(
                        "message",
                        "Unsupported get request. Object with ID does not exist, cannot be loaded due to missing "
                                + "permissions, or does not support this operation.")
                .put("type", "GraphMethodException")
                .put("code", 100)
                .put("error_subcode", 33)
                .put("fbtrace_id", "FakeTrace");
        return answer;
    }

    private ObjectNode aliasMissing() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error")
                .put("message", "(#803) Some of the aliases you requested do not exist: " + handle)
                .put("type", "OAuthException")
                .put("code", 803)
                .put("fbtrace_id", "FakeTrace");
        return answer;
    }

    private static String cursor(int page) {
        return "QVFI-page-" + page;
    }

    private String graphId(long number) {
        return pageId + "_" + number;
    }

    private Post post(String graphId) {
        if (!graphId.startsWith(pageId + "_")) {
            throw new IllegalArgumentException(graphId + " is not a post of " + handle);
        }
        Post post = posts.get(Long.parseLong(graphId.substring(pageId.length() + 1)));
        if (post == null) {
            throw new IllegalArgumentException("no post " + graphId + " on " + handle);
        }
        return post;
    }

    private void stub(WireMock client, MappingBuilder mapping) {
        client.register(mapping.withMetadata(Metadata.metadata().attr(METADATA_KEY, handle)));
    }

    private static ResponseDefinitionBuilder json(int status, ObjectNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString());
    }

    private record Post(long number, Instant created, Instant updated, String message, List<String> photos) {}
}
