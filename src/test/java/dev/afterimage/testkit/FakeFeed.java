package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * A publisher's RSS 2.0 feed a test drives through time: publish, edit, swap pictures, delete, let entries scroll out
 * of the feed, remove the whole feed. Served from WireMock at {@code /feeds/<name>/rss.xml}, each entry's article at
 * {@code /feeds/<name>/news/<id>}.
 *
 * <p>What it models, as feeds behave: the feed shows only its newest {@link #showLatest entries}; an entry that
 * scrolls out of it keeps its article page (HTTP 200), a deleted one loses it (HTTP 404); a removed feed answers 404.
 */
public final class FakeFeed {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
    private static final String METADATA_KEY = "fakeFeed";
    // Below the default priority (5): the per-entry stubs win, this answers every article never published.
    private static final int FALLBACK_PRIORITY = 10;

    private final String name;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int shown = 20;
    private boolean gone;

    public FakeFeed(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, _ or -, got " + name);
        }
        this.name = name;
    }

    /** An entry of the feed: its id (the guid), publication time, title, text and pictures. */
    public static final class Entry {
        private final String id;
        private final Instant published;
        private String title;
        private String text;
        private final List<String> pictures = new ArrayList<>();
        private boolean deleted;
        private String link;
        private String dateText;

        private Entry(String id, Instant published, String title, String text) {
            this.id = id;
            this.published = published;
            this.title = title;
            this.text = text;
        }

        public Entry text(String newText) {
            text = newText;
            return this;
        }

        public Entry title(String newTitle) {
            title = newTitle;
            return this;
        }

        /** Attaches a picture as an {@code image/jpeg} enclosure. */
        public Entry picture(String url) {
            pictures.add(url);
            return this;
        }

        /** Serves this link instead of the entry's article URL, as a careless or hostile publisher might. */
        public Entry link(String rawLink) {
            link = rawLink;
            return this;
        }

        /** Serves this text as the entry's {@code pubDate} instead of its publication time. */
        public Entry dateText(String rawDate) {
            dateText = rawDate;
            return this;
        }

        public Entry clearPictures() {
            pictures.clear();
            return this;
        }

        public String id() {
            return id;
        }
    }

    public String feedPath() {
        return "/feeds/" + name + "/rss.xml";
    }

    public String articlePath(String id) {
        return "/feeds/" + name + "/news/" + id;
    }

    /** Publishes an entry whose guid is {@code id}. */
    public Entry publish(String id, Instant published, String title, String text) {
        Entry entry = new Entry(id, published, title, text);
        entries.put(id, entry);
        return entry;
    }

    public Entry entry(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no entry " + id);
        }
        return entry;
    }

    /** Takes the entry out of the feed and its article off the site. */
    public void delete(String id) {
        entry(id).deleted = true;
    }

    /** How many of the newest entries the feed shows; older ones scroll out but keep their article page. */
    public FakeFeed showLatest(int count) {
        shown = count;
        return this;
    }

    /** Removes the whole feed (it answers 404), or brings it back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    /** The feed as served now. */
    public String render(String baseUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                + "<channel><title>Ministry press releases</title><link>" + baseUrl + "/feeds/" + name
                + "</link>\n");
        for (Entry entry : visible()) {
            xml.append("<item><title>")
                    .append(Entities.escape(entry.title))
                    .append("</title><link>")
                    .append(entry.link != null ? Entities.escape(entry.link) : baseUrl + articlePath(entry.id))
                    .append("</link><guid isPermaLink=\"false\">")
                    .append(entry.id)
                    .append("</guid><pubDate>")
                    .append(
                            entry.dateText != null
                                    ? entry.dateText
                                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                            entry.published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description><![CDATA[<p>")
                    .append(Entities.escape(entry.text))
                    .append("</p>]]></description>");
            for (String picture : entry.pictures) {
                xml.append("<enclosure url=\"")
                        .append(Entities.escape(picture))
                        .append("\" type=\"image/jpeg\" length=\"0\"/>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** Replaces this feed's stubs with ones serving its current state. */
    public void install(WireMockServer server) {
        server.removeStubsByMetadata(matchingJsonPath("$." + METADATA_KEY, equalTo(name)));
        register(
                server,
                get(urlPathEqualTo(feedPath())),
                gone
                        ? aResponse().withStatus(404).withBody("Not Found")
                        : aResponse()
                                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                                .withBody(render(server.baseUrl())));
        for (Entry entry : entries.values()) {
            register(
                    server,
                    get(urlPathEqualTo(articlePath(entry.id))),
                    entry.deleted
                            ? aResponse().withStatus(404).withBody("<html><h1>Not found</h1></html>")
                            : aResponse()
                                    .withHeader("Content-Type", "text/html; charset=utf-8")
                                    .withBody("<html><h1>" + Entities.escape(entry.title) + "</h1></html>"));
        }
        register(
                server,
                get(urlPathMatching("/feeds/" + name + "/news/.*")).atPriority(FALLBACK_PRIORITY),
                aResponse().withStatus(404));
    }

    private List<Entry> visible() {
        return entries.values().stream()
                .filter(entry -> !entry.deleted)
                .sorted(Comparator.comparing((Entry entry) -> entry.published).reversed())
                .limit(shown)
                .toList();
    }

    private void register(WireMockServer server, MappingBuilder mapping, ResponseDefinitionBuilder response) {
        server.stubFor(
                mapping.willReturn(response).withMetadata(Metadata.metadata().attr(METADATA_KEY, name)));
    }
}
