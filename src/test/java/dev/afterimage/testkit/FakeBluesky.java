package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Bluesky account a test drives through time, served from WireMock as the public AppView serves it: the profile
 * ({@code getProfile} by handle or DID), the author feed newest first in pages with a cursor, and a thread view per
 * post. A deleted post drops out of the feed and its thread answers HTTP 400 {@code NotFound}, as the AppView does
 * (documented in PROVENANCE.md; no capture exists); a deactivated account's profile and feed answer HTTP 400
 * {@code AccountDeactivated}. Rewriting a post gives it a new CID, which is how Bluesky shows a changed record.
 */
public final class FakeBluesky {

    private static final String XRPC = "/xrpc/";
    private static final String METADATA_KEY = "fakeBlueskyAccount";
    private static final int FALLBACK_PRIORITY = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String handle;
    private final String did;
    private final Map<Long, Post> posts = new HashMap<>();
    private boolean deactivated;
    private int pageSize = 50;

    public FakeBluesky(String handle, String did) {
        this.handle = handle;
        this.did = did;
    }

    public String handle() {
        return handle;
    }

    public String did() {
        return did;
    }

    public static String recordKey(long id) {
        return "3kfake" + String.format("%07d", id);
    }

    public String atUri(long id) {
        return "at://" + did + "/app.bsky.feed.post/" + recordKey(id);
    }

    public Post post(long id, Instant createdAt, String text) {
        Post post = new Post(recordKey(id), createdAt, text);
        posts.put(id, post);
        return post;
    }

    public Post existing(long id) {
        return posts.get(id);
    }

    public void delete(long id) {
        posts.remove(id);
    }

    public void setDeactivated(boolean deactivated) {
        this.deactivated = deactivated;
    }

    public void pageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Replaces the stubs of this account with ones serving its current state. */
    public void install(WireMockServer server) {
        WireMock client = new WireMock(server);
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(did)));
        for (String actor : List.of(handle, did)) {
            stub(
                    client,
                    get(urlPathEqualTo(XRPC + "app.bsky.actor.getProfile"))
                            .withQueryParam("actor", equalTo(actor))
                            .willReturn(deactivated ? deactivatedError() : json(profile())));
        }
        if (deactivated) {
            stub(
                    client,
                    get(urlPathEqualTo(XRPC + "app.bsky.feed.getAuthorFeed"))
                            .withQueryParam("actor", actor())
                            .willReturn(deactivatedError()));
        } else {
            installFeed(client);
            for (Post post : posts.values()) {
                stub(
                        client,
                        get(urlPathEqualTo(XRPC + "app.bsky.feed.getPostThread"))
                                .withQueryParam("uri", equalTo("at://" + did + "/app.bsky.feed.post/" + post.recordKey))
                                .willReturn(json(thread(post))));
            }
        }
        stub(
                client,
                get(urlPathEqualTo(XRPC + "app.bsky.feed.getPostThread"))
                        .withQueryParam("uri", matching(Pattern.quote("at://" + did + "/") + ".*"))
                        .atPriority(FALLBACK_PRIORITY)
                        .willReturn(error("NotFound", "Post not found: at://" + did)));
    }

    private void installFeed(WireMock client) {
        List<Post> newestFirst = new ArrayList<>(posts.values());
        newestFirst.sort(Comparator.comparing((Post post) -> post.createdAt).reversed());
        Optional<String> cursor = Optional.empty();
        for (int from = 0; from == 0 || from < newestFirst.size(); from += pageSize) {
            List<Post> page = newestFirst.subList(from, Math.min(newestFirst.size(), from + pageSize));
            ObjectNode body = JSON.createObjectNode();
            ArrayNode feed = body.putArray("feed");
            page.forEach(post -> feed.addObject().set("post", postView(post)));
            boolean more = from + pageSize < newestFirst.size();
            String next = more
                    ? page.getLast().createdAt.toEpochMilli() + "::"
                            + page.getLast().cid()
                    : null;
            if (more) {
                body.put("cursor", next);
            }
            stub(
                    client,
                    get(urlPathEqualTo(XRPC + "app.bsky.feed.getAuthorFeed"))
                            .withQueryParam("actor", actor())
                            .withQueryParam(
                                    "cursor", cursor.map(WireMock::equalTo).orElse(absent()))
                            .willReturn(json(body)));
            cursor = Optional.ofNullable(next);
        }
    }

    /** The AppView knows the account by its handle and by its DID alike. */
    private StringValuePattern actor() {
        return matching(Pattern.quote(handle) + "|" + Pattern.quote(did));
    }

    private ObjectNode profile() {
        ObjectNode profile = JSON.createObjectNode();
        profile.put("did", did).put("handle", handle).put("displayName", "Ministry");
        profile.put("postsCount", posts.size());
        return profile;
    }

    private ObjectNode thread(Post post) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode thread = body.putObject("thread");
        thread.put("$type", "app.bsky.feed.defs#threadViewPost");
        thread.set("post", postView(post));
        thread.putArray("replies");
        return body;
    }

    private ObjectNode postView(Post post) {
        ObjectNode view = JSON.createObjectNode();
        view.put("uri", "at://" + did + "/app.bsky.feed.post/" + post.recordKey);
        view.put("cid", post.cid());
        view.putObject("author").put("did", did).put("handle", handle);
        ObjectNode record = view.putObject("record");
        record.put("$type", "app.bsky.feed.post");
        record.put("text", post.text);
        record.put("createdAt", post.createdAt.toString());
        if (!post.images.isEmpty()) {
            ObjectNode embed = view.putObject("embed");
            embed.put("$type", "app.bsky.embed.images#view");
            ArrayNode images = embed.putArray("images");
            post.images.forEach(url ->
                    images.addObject().put("thumb", url).put("fullsize", url).put("alt", ""));
        }
        view.put("replyCount", 0).put("repostCount", 0).put("likeCount", post.likes);
        view.put("indexedAt", post.indexedAt.toString());
        return view;
    }

    private void stub(WireMock client, MappingBuilder mapping) {
        client.register(mapping.withMetadata(Metadata.metadata().attr(METADATA_KEY, did)));
    }

    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    private ResponseDefinitionBuilder deactivatedError() {
        return error("AccountDeactivated", "Account is deactivated");
    }

    public static ResponseDefinitionBuilder error(String error, String message) {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.createObjectNode()
                        .put("error", error)
                        .put("message", message)
                        .toString());
    }

    /** One post of the fake account; a change of its text or images makes a new record version, a new CID. */
    public static final class Post {

        private final String recordKey;
        private final Instant createdAt;
        private final List<String> images = new ArrayList<>();
        private String text;
        private Instant indexedAt;
        private long likes;

        private Post(String recordKey, Instant createdAt, String text) {
            this.recordKey = recordKey;
            this.createdAt = createdAt;
            this.indexedAt = createdAt;
            this.text = text;
        }

        public Post photo(String url) {
            images.add(url);
            return this;
        }

        /** Rewrites the record under the same key, as an edit through the API does. */
        public Post rewrite(String newText, Instant at) {
            text = newText;
            indexedAt = at;
            return this;
        }

        public Post replacePhotos(List<String> urls, Instant at) {
            images.clear();
            images.addAll(urls);
            indexedAt = at;
            return this;
        }

        /** Likes change all the time without changing the record. */
        public Post likes(long count) {
            likes = count;
            return this;
        }

        public String recordKey() {
            return recordKey;
        }

        String cid() {
            return "bafyrei"
                    + dev.afterimage.hash.Sha256.ofText(recordKey + "\n" + text + "\n" + images)
                            .substring(0, 52);
        }
    }
}
