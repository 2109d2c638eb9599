package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Entities;

/**
 * A Mastodon account a test drives through time: post, edit (text or media), delete, make the account vanish. It
 * answers the instance's public API for its current state in the shape of the real captures, from WireMock.
 *
 * <pre>{@code
 * FakeMastodon account = new FakeMastodon("press_office", "social.gov.example");
 * account.post(1, Instant.parse("2026-07-20T08:00:00Z"), "Statement").photo("http://…/1.jpg");
 * account.install(wireMock);   // serves lookup, statuses, each status and its history
 * account.status(1).edit(Instant.parse("2026-07-20T09:00:00Z")).text("Corrected statement");
 * account.install(wireMock);   // after each change
 * }</pre>
 *
 * <p>What it models, as Mastodon behaves: statuses come newest first, {@link #pageSize} to a page, with a
 * {@code Link: <…max_id=<oldest id shown>>; rel="next"} while a page is full; an edit keeps the version before it in
 * the status's history and sets {@code edited_at}; a deleted status answers 404 {@code {"error":"Record not found"}};
 * a gone account answers 404 to its lookup, its statuses and every status of it.
 *
 * <p>The server is shared by every test, and Mastodon's status ids are not scoped by account in its URLs: every
 * fake draws its account id and the base of its status ids from one counter, and the test's status numbers are
 * added to that base.
 */
public final class FakeMastodon {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(116_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final long IDS_PER_ACCOUNT = 1_000_000L;
    private static final String METADATA_KEY = "fakeMastodonAccount";

    private final String username;
    private final String instance;
    private final long accountId;
    private final long idBase;
    private final NavigableMap<Long, FakeStatus> statuses = new TreeMap<>();
    private final NavigableSet<Long> everPosted = new TreeSet<>();
    private boolean gone;
    private int pageSize = 40;

    public FakeMastodon(String username, String instance) {
        if (!username.matches("[a-z0-9_]+") || !instance.matches("[a-z0-9.-]+\\.[a-z]+")) {
            throw new IllegalArgumentException("not a Mastodon account: " + username + "@" + instance);
        }
        this.username = username;
        this.instance = instance;
        this.accountId = IDS.addAndGet(IDS_PER_ACCOUNT);
        this.idBase = accountId;
    }

    public String username() {
        return username;
    }

    /** The profile URL a user would paste. */
    public String profileUrl() {
        return "https://" + instance + "/@" + username;
    }

    /** The status id on the instance of the test's status number {@code n}. */
    public String statusId(long n) {
        if (n <= 0 || n >= IDS_PER_ACCOUNT) {
            throw new IllegalArgumentException("status numbers run from 1 to " + (IDS_PER_ACCOUNT - 1) + ", got " + n);
        }
        return Long.toString(idBase + n);
    }

    /** The public URL of status {@code n}. */
    public String statusUrl(long n) {
        return profileUrl() + "/" + statusId(n);
    }

    /** Publishes a status; ids grow with {@code n}, so a later status must have a larger number, as on Mastodon. */
    public FakeStatus post(long n, Instant published, String text) {
        long id = Long.parseLong(statusId(n));
        if (everPosted.contains(id)) {
            throw new IllegalArgumentException("status " + n + " was already posted: Mastodon never reuses an id");
        }
        FakeStatus status = new FakeStatus(statusId(n), published, text);
        statuses.put(id, status);
        everPosted.add(id);
        return status;
    }

    /** The status as it stands, to edit it ({@code status(1).edit(at).text("…")}). */
    public FakeStatus status(long n) {
        FakeStatus status = statuses.get(Long.parseLong(statusId(n)));
        if (status == null) {
            throw new IllegalArgumentException("no status " + n + " of @" + username);
        }
        return status;
    }

    public void delete(long n) {
        status(n);
        statuses.remove(Long.parseLong(statusId(n)));
    }

    /** Makes the account vanish (deleted, or its instance's answer for a suspended one), or come back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    public FakeMastodon pageSize(int statusesPerPage) {
        if (statusesPerPage <= 0) {
            throw new IllegalArgumentException("statusesPerPage must be positive, got " + statusesPerPage);
        }
        pageSize = statusesPerPage;
        return this;
    }

    public String lookupPath() {
        return "/api/v1/accounts/lookup";
    }

    public String statusesPath() {
        return "/api/v1/accounts/" + accountId + "/statuses";
    }

    public String statusPath(long n) {
        return "/api/v1/statuses/" + statusId(n);
    }

    /** {@link #install(WireMock, String)} on a server in this JVM. */
    public void install(WireMockServer server) {
        install(new WireMock(server), server.baseUrl());
    }

    /**
     * Replaces this account's stubs with stubs serving its current state. Call it again after every change.
     *
     * @param baseUrl the server's base URL, for the {@code Link} header
     */
    public void install(WireMock client, String baseUrl) {
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(username)));
        stub(
                client,
                get(urlPathEqualTo(lookupPath()))
                        .withQueryParam("acct", equalTo(username))
                        .willReturn(gone ? notFound() : json(account())));
        if (gone) {
            stub(client, get(urlPathEqualTo(statusesPath())).willReturn(notFound()));
        } else {
            installPages(client, baseUrl);
        }
        for (long id : everPosted) {
            FakeStatus status = statuses.get(id);
            String path = "/api/v1/statuses/" + id;
            boolean visible = status != null && !gone;
            stub(client, get(urlPathEqualTo(path)).willReturn(visible ? json(status(status)) : notFound()));
            stub(
                    client,
                    get(urlPathEqualTo(path + "/history")).willReturn(visible ? json(history(status)) : notFound()));
        }
    }

    /** The newest page, and the page older than every id ever posted (a cursor outlives its status). */
    private void installPages(WireMock client, String baseUrl) {
        stub(
                client,
                page(
                        get(urlPathEqualTo(statusesPath())).withQueryParam("max_id", absent()),
                        Optional.empty(),
                        baseUrl));
        for (long maxId : everPosted) {
            stub(
                    client,
                    page(
                            get(urlPathEqualTo(statusesPath())).withQueryParam("max_id", equalTo(Long.toString(maxId))),
                            Optional.of(maxId),
                            baseUrl));
        }
    }

    private MappingBuilder page(MappingBuilder request, Optional<Long> maxId, String baseUrl) {
        NavigableMap<Long, FakeStatus> older =
                maxId.map(id -> statuses.headMap(id, false)).orElse(statuses).descendingMap();
        List<FakeStatus> shown = older.values().stream().limit(pageSize).toList();
        ArrayNode page = JSON.createArrayNode();
        shown.forEach(status -> page.add(status(status)));
        ResponseDefinitionBuilder response = json(page);
        if (shown.size() == pageSize) {
            String next = baseUrl + statusesPath() + "?limit=40&exclude_reblogs=true&max_id=" + shown.getLast().id;
            response = response.withHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return request.willReturn(response);
    }

    private ObjectNode account() {
        ObjectNode account = JSON.createObjectNode()
                .put("id", Long.toString(accountId))
                .put("username", username)
                .put("acct", username)
                .put("display_name", "Press office")
                .put("locked", false)
                .put("bot", false)
                .put("created_at", "2020-01-01T00:00:00.000Z")
                .put("note", "<p>Official account</p>")
                .put("url", profileUrl())
                .put("uri", "https://" + instance + "/users/" + username)
                .put("followers_count", 1200)
                .put("following_count", 3)
                .put("statuses_count", statuses.size());
        account.putArray("emojis");
        account.putArray("fields");
        return account;
    }

    private ObjectNode status(FakeStatus status) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", status.id)
                .put("created_at", status.published.toString())
                .putNull("in_reply_to_id")
                .putNull("in_reply_to_account_id")
                .put("sensitive", false)
                .put("spoiler_text", "")
                .put("visibility", "public")
                .put("language", "en")
                .put("uri", "https://" + instance + "/users/" + username + "/statuses/" + status.id)
                .put("url", profileUrl() + "/" + status.id)
                .put("replies_count", 0)
                .put("reblogs_count", 0)
                .put("favourites_count", 0);
        if (status.editedAt == null) {
            node.putNull("edited_at");
        } else {
            node.put("edited_at", status.editedAt.toString());
        }
        node.put("content", content(status.current.text)).putNull("reblog");
        node.set("account", account());
        node.set("media_attachments", media(status.current.photos));
        node.putArray("mentions");
        node.putArray("tags");
        node.putArray("emojis");
        node.putNull("card").putNull("poll");
        return node;
    }

    /** The versions oldest first, the current one last, as Mastodon's StatusEdit entities. */
    private ArrayNode history(FakeStatus status) {
        ArrayNode history = JSON.createArrayNode();
        List<Version> versions = new ArrayList<>(status.earlier);
        versions.add(status.current);
        for (Version version : versions) {
            ObjectNode entry = history.addObject()
                    .put("content", content(version.text))
                    .put("spoiler_text", "")
                    .put("sensitive", false)
                    .put("created_at", version.madeAt.toString());
            entry.set("account", account());
            entry.set("media_attachments", media(version.photos));
            entry.putArray("emojis");
        }
        return history;
    }

    private static ArrayNode media(List<String> photos) {
        ArrayNode media = JSON.createArrayNode();
        for (String photo : photos) {
            media.addObject()
                    .put("id", Integer.toString(Math.abs(photo.hashCode())))
                    .put("type", "image")
                    .put("url", photo)
                    .put("preview_url", photo)
                    .putNull("remote_url")
                    .putNull("description");
        }
        return media;
    }

    private static String content(String text) {
        return "<p>" + Entities.escape(text).replace("\n", "<br>") + "</p>";
    }

    private void stub(WireMock client, MappingBuilder mapping) {
        client.register(mapping.withMetadata(Metadata.metadata().attr(METADATA_KEY, username)));
    }

    private static ResponseDefinitionBuilder json(Object body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    private static ResponseDefinitionBuilder notFound() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"Record not found\"}");
    }

    /** One version of a status: its text, its photos' URLs, and when it was made. */
    private record Version(String text, List<String> photos, Instant madeAt) {}

    /** A status of the fake account; change it through {@link #edit}, as its author would. */
    public static final class FakeStatus {
        private final String id;
        private final Instant published;
        private final List<Version> earlier = new ArrayList<>();
        private Version current;
        private Instant editedAt;

        private FakeStatus(String id, Instant published, String text) {
            this.id = id;
            this.published = published;
            this.current = new Version(text, List.of(), published);
        }

        /** Adds a photo to the version being written (at posting, or after {@link #edit}). */
        public FakeStatus photo(String url) {
            List<String> photos = new ArrayList<>(current.photos);
            photos.add(url);
            current = new Version(current.text, photos, current.madeAt);
            return this;
        }

        public FakeStatus text(String text) {
            current = new Version(text, current.photos, current.madeAt);
            return this;
        }

        public FakeStatus clearMedia() {
            current = new Version(current.text, List.of(), current.madeAt);
            return this;
        }

        /** Starts an edit made at {@code at}: the version so far goes to the history; change text or media next. */
        public FakeStatus edit(Instant at) {
            earlier.add(current);
            current = new Version(current.text, current.photos, at);
            editedAt = at;
            return this;
        }
    }
}
