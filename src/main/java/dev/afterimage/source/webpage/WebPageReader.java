package dev.afterimage.source.webpage;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.text.HtmlText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads listing pages and item pages of a news site with the account's CSS selectors. */
final class WebPageReader {

    private WebPageReader() {}

    /** Parses a page as a browser would, taking its charset from the HTTP-less bytes (BOM or meta tag). */
    static Document document(byte[] body, String url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, url);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes held in memory cannot fail", e);
        }
    }

    static WebPageListing listing(Document page, WebPageOptions options) {
        List<Element> elements = page.select(options.item());
        if (elements.isEmpty()) {
            return new WebPageListing.Unrecognised("no element matches options.item \"" + options.item()
                    + "\": the page's markup changed, or this" + " is not the listing");
        }
        List<ListedItem> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element element : elements) {
            Element link = options.link().isEmpty() ? element : element.selectFirst(options.link());
            Optional<String> url =
                    link == null ? Optional.empty() : WebUrls.resolve(page.location(), link.attr("href"));
            // An item without a link has no page to archive or to ask about later: it cannot be watched.
            if (url.isEmpty() || !seen.add(url.get())) {
                continue;
            }
            Element title = options.title().isEmpty() ? link : element.selectFirst(options.title());
            items.add(
                    new ListedItem(url.get(), title == null ? "" : title.text().strip(), date(element, options)));
        }
        if (items.isEmpty()) {
            return new WebPageListing.Unrecognised(
                    "no item has a link matching options.link \"" + options.link() + "\" with an href");
        }
        Optional<String> next = Optional.empty();
        if (!options.nextPage().isEmpty()) {
            Element nextLink = page.selectFirst(options.nextPage());
            next = nextLink == null ? Optional.empty() : WebUrls.resolve(page.location(), nextLink.attr("href"));
        }
        return new WebPageListing.Items(items, next);
    }

    static ItemPage item(Document page, WebPageOptions options) {
        if (!options.notFound().isEmpty()) {
            Element notFound = page.selectFirst(options.notFound());
            if (notFound != null) {
                return new ItemPage.NotFound("the page matches options.notFound \"" + options.notFound() + "\": \""
                        + abbreviated(notFound.text()) + "\"");
            }
        }
        HtmlText body = HtmlText.EMPTY;
        List<SourceMedia> images = new ArrayList<>();
        if (!options.body().isEmpty()) {
            Element content = page.selectFirst(options.body());
            if (content == null) {
                return new ItemPage.Unrecognised("no element matches options.body \"" + options.body() + "\"");
            }
            body = HtmlText.of(content, page.location());
            Set<String> sources = new LinkedHashSet<>();
            for (Element image : content.select("img[src]")) {
                WebUrls.resolve(page.location(), image.attr("src")).ifPresent(sources::add);
            }
            sources.forEach(source -> images.add(new SourceMedia(MediaKind.PHOTO, source)));
        }
        return new ItemPage.Article(title(page), body, images, published(page));
    }

    private static Instant date(Element item, WebPageOptions options) {
        if (options.date().isEmpty()) {
            return null;
        }
        Element date = item.selectFirst(options.date());
        if (date == null) {
            return null;
        }
        String text = date.hasAttr("datetime") ? date.attr("datetime") : date.text();
        return ItemDates.parse(text, options.dateFormatter());
    }

    /** The publication time news sites put in their metadata for link previews and search engines. */
    private static Instant published(Document page) {
        Element meta = page.selectFirst("meta[property=article:published_time], meta[itemprop=datePublished]");
        return meta == null ? null : ItemDates.parse(meta.attr("content"), Optional.empty());
    }

    private static String title(Document page) {
        Element og = page.selectFirst("meta[property=og:title]");
        String title = og != null ? og.attr("content") : page.title();
        return title.strip();
    }

    private static String abbreviated(String text) {
        String stripped = text.strip();
        return stripped.length() <= 200 ? stripped : stripped.substring(0, 200) + "…";
    }
}
