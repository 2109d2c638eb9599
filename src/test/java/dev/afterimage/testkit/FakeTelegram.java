package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Telegram channel a test drives through time: post, edit, delete, replace media, make the channel vanish. It
 * renders the t.me pages of its current state in the structure of the real captures, and serves them from WireMock.
 *
 * <pre>{@code
 * FakeTelegram channel = new FakeTelegram("mod_russia", "Ministry of Defence");
 * channel.post(101, Instant.parse("2026-07-20T08:00:00Z"), "Сводка").photo("https://cdn.example/1.jpg");
 * channel.install(wireMock);          // serves /s/mod_russia, /mod_russia/101?embed=1, /mod_russia
 * channel.delete(101);
 * channel.install(wireMock);          // after each change: the stubs show the new state
 * }</pre>
 *
 * <p>What it models, as Telegram behaves: a listing shows the newest {@link #pageSize(int) page size} messages older
 * than {@code ?before=}, oldest first, with a load-more link whose {@code data-before} is the oldest id shown when
 * older messages exist; a deleted message simply disappears (a gap); its embed, and the embed of any id never
 * posted, is the HTTP 200 "Post not found" page. A gone channel answers {@code /s/<channel>} with a 302 to
 * {@code /<channel>}, the landing page of a name nobody holds; its embeds say "Post not found" too (an assumption:
 * no capture shows the embed of a deleted channel).
 */
public final class FakeTelegram {

    /** About what t.me shows on one listing page. */
    public static final int TELEGRAM_PAGE_SIZE = 20;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final String METADATA_KEY = "fakeTelegramChannel";
    // Below the default priority (5): the per-id stubs win, this answers whatever they don't cover.
    private static final int FALLBACK_PRIORITY = 10;

    private final String channel;
    private final String title;
    private final NavigableMap<Long, FakeMessage> messages = new TreeMap<>();
    private final NavigableSet<Long> everPosted = new TreeSet<>();
    private boolean gone;
    private boolean previewDisabled;
    private int pageSize = TELEGRAM_PAGE_SIZE;
    private boolean fullMarkup;

    /**
     * @param channel the username, as in {@code t.me/<channel>}
     * @param title the channel's display name
     */
    public FakeTelegram(String channel, String title) {
        Objects.requireNonNull(channel, "channel");
        if (!USERNAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be a Telegram username, got \"" + channel + "\"");
        }
        this.channel = channel;
        this.title = Objects.requireNonNull(title, "title");
    }

    public String channel() {
        return channel;
    }

    /** Publishes a message; chain {@link FakeMessage} calls to give it media, a preview and so on. */
    public FakeMessage post(long id, Instant published, String text) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, got " + id);
        }
        if (everPosted.contains(id)) {
            throw new IllegalArgumentException(
                    "id " + id + " was already used in @" + channel + ": Telegram never reuses a message id");
        }
        FakeMessage message = new FakeMessage(id, published, text);
        messages.put(id, message);
        everPosted.add(id);
        return message;
    }

    /** The message with this id as it stands, to change it in place (e.g. {@code message(7).clearMedia().photo(…)}). */
    public FakeMessage message(long id) {
        FakeMessage message = messages.get(id);
        if (message == null) {
            throw new IllegalArgumentException("no message " + id + " in @" + channel);
        }
        return message;
    }

    /** The messages that currently exist, oldest first. */
    public List<FakeMessage> messages() {
        return List.copyOf(messages.values());
    }

    public void delete(long id) {
        message(id);
        messages.remove(id);
    }

    /** Changes the text and marks the message edited, as Telegram does. */
    public void edit(long id, String newText) {
        message(id).text(newText).edited();
    }

    /** Makes the channel vanish (deleted or renamed away), or come back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    /** Turns the channel's public preview off (its owner's setting), or on again; its messages stay. */
    public void setPreviewDisabled(boolean disabled) {
        this.previewDisabled = disabled;
    }

    public boolean isGone() {
        return gone;
    }

    /** How many messages a listing page served by {@link #install} shows; {@value #TELEGRAM_PAGE_SIZE} by default. */
    public FakeTelegram pageSize(int messagesPerPage) {
        if (messagesPerPage <= 0) {
            throw new IllegalArgumentException("messagesPerPage must be positive, got " + messagesPerPage);
        }
        pageSize = messagesPerPage;
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * The {@code /s/<channel>} page, or {@code /s/<channel>?before=<before>}: the newest {@code messagesPerPage}
     * messages older than {@code before}. Rendered even when the channel is gone; {@link #install} then serves a
     * redirect instead.
     */
    public String listingPage(Optional<Long> before, int messagesPerPage) {
        if (messagesPerPage <= 0) {
            throw new IllegalArgumentException("messagesPerPage must be positive, got " + messagesPerPage);
        }
        NavigableMap<Long, FakeMessage> candidates =
                before.map(id -> messages.headMap(id, false)).orElse(messages);
        List<FakeMessage> page = candidates.descendingMap().values().stream()
                .limit(messagesPerPage)
                .toList()
                .reversed();
        Optional<Long> olderCursor =
                page.isEmpty() || candidates.firstKey() >= page.getFirst().id()
                        ? Optional.empty()
                        : Optional.of(page.getFirst().id());
        boolean newerExist =
                !page.isEmpty() && messages.higherKey(page.getLast().id()) != null;
        Optional<Long> newerCursor =
                before.isPresent() && newerExist ? Optional.of(page.getLast().id()) : Optional.empty();
        return FakeTelegramPages.listing(channel, title, page, olderCursor, newerCursor, fullMarkup);
    }

    /**
     * Gives each message of the listing what every message of a real listing has beside its content, which the reader
     * passes over: the author's photo as an image, the bubble's tail drawn in SVG and a view token. A real listing's
     * message weighs 4 to 9 KB, most of it such markup; the fake's weighs 2 KB without it, 4.4 KB with it.
     */
    public FakeTelegram fullMarkup(boolean full) {
        this.fullMarkup = full;
        return this;
    }

    /** The {@code /<channel>/<id>?embed=1} page: the message, or "Post not found" when it (or the channel) is gone. */
    public String embedPage(long id) {
        FakeMessage message = messages.get(id);
        return gone || message == null
                ? FakeTelegramPages.embedNotFound()
                : FakeTelegramPages.embed(channel, title, message);
    }

    /** The {@code /<channel>} landing page: a name nobody holds when gone, else the public channel's page. */
    public String landingPage() {
        if (gone) {
            return FakeTelegramPages.landingOfNobody(channel);
        }
        return previewDisabled
                ? FakeTelegramPages.landingWithoutPreview(channel, title)
                : FakeTelegramPages.landingOfPublicChannel(channel, title);
    }

    /** {@link #install(WireMock, String)} on a server in this JVM. */
    public void install(WireMockServer server) {
        install(new WireMock(server), server.baseUrl());
    }

    /**
     * Replaces this channel's stubs (those of any earlier install, by any FakeTelegram of the same channel) with
     * stubs serving the current state. Call it again after every change.
     *
     * @param baseUrl the server's base URL, e.g. {@code http://localhost:8089}, for the redirect of a gone channel
     */
    public void install(WireMock client, String baseUrl) {
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(channel)));
        if (gone || previewDisabled) {
            stub(
                    client,
                    get(urlPathEqualTo("/s/" + channel))
                            .willReturn(aResponse().withStatus(302).withHeader("Location", baseUrl + "/" + channel)));
        } else {
            installListing(client);
            for (FakeMessage message : messages.values()) {
                stub(
                        client,
                        get(urlPathEqualTo("/" + channel + "/" + message.id()))
                                .withQueryParam("embed", equalTo("1"))
                                .willReturn(html(embedPage(message.id()))));
            }
        }
        stub(
                client,
                get(urlPathMatching("/" + channel + "/\\d+"))
                        .withQueryParam("embed", equalTo("1"))
                        .atPriority(FALLBACK_PRIORITY)
                        .willReturn(html(FakeTelegramPages.embedNotFound())));
        stub(client, get(urlPathEqualTo("/" + channel)).willReturn(html(landingPage())));
    }

    /**
     * Serves the newest page and the page before every id ever posted: every cursor a page hands out is such an id,
     * and it keeps working after that message is deleted, as on Telegram.
     */
    private void installListing(WireMock client) {
        stub(
                client,
                get(urlPathEqualTo("/s/" + channel))
                        .withQueryParam("before", absent())
                        .willReturn(html(listingPage(Optional.empty(), pageSize))));
        for (long before : everPosted) {
            stub(
                    client,
                    get(urlPathEqualTo("/s/" + channel))
                            .withQueryParam("before", equalTo(Long.toString(before)))
                            .willReturn(html(listingPage(Optional.of(before), pageSize))));
        }
        stub(
                client,
                get(urlPathEqualTo("/s/" + channel))
                        .atPriority(FALLBACK_PRIORITY)
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "text/plain; charset=utf-8")
                                .withBody("FakeTelegram serves ?before= only for ids posted in @" + channel)));
    }

    private void stub(WireMock client, MappingBuilder mapping) {
        client.register(mapping.withMetadata(Metadata.metadata().attr(METADATA_KEY, channel)));
    }

    private static ResponseDefinitionBuilder html(String page) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(page.getBytes(StandardCharsets.UTF_8));
    }
}
