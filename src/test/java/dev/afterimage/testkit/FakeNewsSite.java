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
 * A ministry's news section without a feed, as a test drives it: publish, edit, swap pictures, delete, remove the
 * whole section. Served from WireMock in the shape of a common CMS: the listing {@code /sites/<name>/news} (and
 * {@code ?page=N}) of {@code article.news} items, each with {@code h2 a} and {@code time[datetime]}, newest first, with
 * an {@code a.next} link to the older page; each item's page {@code /sites/<name>/news/<id>} with its body in
 * {@code div.article-body}.
 *
 * <p>A deleted item's page answers 404, or, on a site {@link #notFoundAs200 that hides it}, HTTP 200 with an
 * {@code h1.error-404} "Page not found" page.
 */
public final class FakeNewsSite {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
    private static final String METADATA_KEY = "fakeNewsSite";
    private static final int FALLBACK_PRIORITY = 10;

    /** The account options that read this site. */
    public static final Map<String, String> SELECTORS = Map.of(
            "item", "article.news",
            "link", "h2 a",
            "date", "time",
            "body", "div.article-body",
            "notFound", "h1.error-404",
            "nextPage", "a.next");

    private final String name;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private int pageSize = 10;
    private boolean gone;
    private boolean notFoundAs200;

    public FakeNewsSite(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, _ or -, got " + name);
        }
        this.name = name;
    }

    /** A news item: its id (the last path segment of its page), publication time, title, body and pictures. */
    public static final class Item {
        private final String id;
        private final Instant published;
        private final String title;
        private String body;
        private final List<String> pictures = new ArrayList<>();
        private boolean deleted;

        private Item(String id, Instant published, String title, String body) {
            this.id = id;
            this.published = published;
            this.title = title;
            this.body = body;
        }

        public Item body(String newBody) {
            body = newBody;
            return this;
        }

        /** Puts an {@code <img>} of this URL in the body. */
        public Item picture(String url) {
            pictures.add(url);
            return this;
        }

        public Item clearPictures() {
            pictures.clear();
            return this;
        }
    }

    public String listingPath() {
        return "/sites/" + name + "/news";
    }

    public String itemPath(String id) {
        return listingPath() + "/" + id;
    }

    public Item publish(String id, Instant published, String title, String body) {
        Item item = new Item(id, published, title, body);
        items.put(id, item);
        return item;
    }

    public Item item(String id) {
        Item item = items.get(id);
        if (item == null) {
            throw new IllegalArgumentException("no item " + id);
        }
        return item;
    }

    public void delete(String id) {
        item(id).deleted = true;
    }

    public FakeNewsSite pageSize(int itemsPerPage) {
        pageSize = itemsPerPage;
        return this;
    }

    /** Makes the pages of deleted items answer HTTP 200 with a "Page not found" page, as many CMSs do. */
    public FakeNewsSite notFoundAs200() {
        notFoundAs200 = true;
        return this;
    }

    /** Removes the whole news section (its listing answers 404), or brings it back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    /** Listing page {@code page} (1 = newest) as served now. */
    public String listingPage(String baseUrl, int page) {
        List<Item> live = items.values().stream()
                .filter(item -> !item.deleted)
                .sorted(Comparator.comparing((Item item) -> item.published).reversed())
                .toList();
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html><head><title>News</title></head><body><nav><a href=\"/\">Home</a></nav><main>\n");
        int from = (page - 1) * pageSize;
        for (Item item : live.subList(Math.min(from, live.size()), Math.min(from + pageSize, live.size()))) {
            String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.published.atOffset(ZoneOffset.UTC));
            html.append("<article class=\"news\"><h2><a href=\"")
                    .append(baseUrl)
                    .append(itemPath(item.id))
                    .append("\">")
                    .append(Entities.escape(item.title))
                    .append("</a></h2><time datetime=\"")
                    .append(date)
                    .append("\">")
                    .append(date, 0, 10)
                    .append("</time></article>\n");
        }
        if (from + pageSize < live.size()) {
            html.append("<a class=\"next\" href=\"?page=").append(page + 1).append("\">Older news</a>");
        }
        return html.append("</main></body></html>").toString();
    }

    /** The item's own page as served now. */
    public String itemPage(String id) {
        Item item = item(id);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>")
                .append(Entities.escape(item.title))
                .append("</title></head><body><nav><a href=\"/\">Home</a></nav><h1>")
                .append(Entities.escape(item.title))
                .append("</h1><div class=\"article-body\"><p>")
                .append(Entities.escape(item.body))
                .append("</p>");
        for (String picture : item.pictures) {
            html.append("<img src=\"").append(Entities.escape(picture)).append("\" alt=\"\">");
        }
        return html.append("</div><footer>Served at ")
                .append(System.nanoTime())
                .append("</footer></body></html>")
                .toString();
    }

    /** Replaces this site's stubs with ones serving its current state. */
    public void install(WireMockServer server) {
        server.removeStubsByMetadata(matchingJsonPath("$." + METADATA_KEY, equalTo(name)));
        int pages = Math.max(1, (int)
                Math.ceil(items.values().stream().filter(item -> !item.deleted).count() / (double) pageSize));
        for (int page = 1; page <= pages; page++) {
            MappingBuilder listing = get(urlPathEqualTo(listingPath()));
            listing = page == 1
                    ? listing.withQueryParam("page", absent())
                    : listing.withQueryParam("page", equalTo(String.valueOf(page)));
            register(server, listing, gone ? aResponse().withStatus(404) : html(listingPage(server.baseUrl(), page)));
        }
        for (Item item : items.values()) {
            ResponseDefinitionBuilder page = !item.deleted
                    ? html(itemPage(item.id))
                    : notFoundAs200
                            ? html("<html><body><h1 class=\"error-404\">Page not found</h1></body></html>")
                            : aResponse().withStatus(404).withBody("Not Found");
            register(server, get(urlPathEqualTo(itemPath(item.id))), page);
        }
        register(
                server,
                get(urlPathMatching(listingPath() + "/.*")).atPriority(FALLBACK_PRIORITY),
                aResponse().withStatus(404));
    }

    private static ResponseDefinitionBuilder html(String page) {
        return aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(page);
    }

    private void register(WireMockServer server, MappingBuilder mapping, ResponseDefinitionBuilder response) {
        server.stubFor(
                mapping.willReturn(response).withMetadata(Metadata.metadata().attr(METADATA_KEY, name)));
    }
}
