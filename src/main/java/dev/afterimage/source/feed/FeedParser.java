package dev.afterimage.source.feed;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.text.HtmlText;
import dev.afterimage.source.text.PostIds;
import dev.afterimage.source.url.MentionUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 2.0 (and RSS 1.0) items and Atom entries, YouTube's channel feeds included, into posts.
 *
 * <p>What a post's text is made of is chosen so that only the publisher's own changes change it: the title and the
 * body. Counters a feed carries (YouTube's {@code media:statistics} views, {@code media:starRating}) move with
 * every poll, so they go to {@code views} and {@code reactions}, which versions are not compared on.
 */
final class FeedParser {

    private static final Pattern ENTRY_START = Pattern.compile("<((?:[A-Za-z0-9_.-]+:)?(?:item|entry))[\\s>/]");

    private FeedParser() {}

    static ParsedFeed parse(byte[] body, String feedUrl) {
        Document document;
        try {
            // A null charset lets jsoup read it from a byte-order mark or the XML declaration, as feeds declare it.
            document = Jsoup.parse(new ByteArrayInputStream(body), null, feedUrl, Parser.xmlParser());
        } catch (IOException e) {
            return new ParsedFeed.NotAFeed("the body could not be read: " + e.getMessage());
        }
        Element root = document.children().first();
        if (root == null) {
            return new ParsedFeed.NotAFeed("the body holds no XML element");
        }
        String rootName = root.normalName();
        List<Element> entries;
        boolean atom;
        if (rootName.equals("rss") || rootName.equals("rdf:rdf")) {
            entries = root.getElementsByTag("item");
            atom = false;
        } else if (rootName.equals("feed")) {
            entries = root.children().stream()
                    .filter(child -> child.normalName().equals("entry"))
                    .toList();
            atom = true;
        } else {
            return new ParsedFeed.NotAFeed("not an RSS or Atom feed: its root element is <" + root.tagName() + ">");
        }
        Charset charset = document.charset() == null ? StandardCharsets.UTF_8 : document.charset();
        List<byte[]> raw = rawEntries(new String(body, charset), charset, entries.size());
        List<SourcePost> posts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            // When the entries cannot be cut from the bytes one for one, the parsed entry written out again
            // stands in as its fragment: the same content, not the same bytes.
            byte[] fragment = raw != null ? raw.get(i) : entry.outerHtml().getBytes(StandardCharsets.UTF_8);
            SourcePost post = atom ? atomEntry(entry, feedUrl, fragment) : rssItem(entry, feedUrl, fragment);
            if (post != null) {
                posts.add(post);
            }
        }
        return new ParsedFeed.Entries(posts);
    }

    /** An RSS item, or null when it has neither a guid nor a link: nothing would say it is the same item later. */
    private static SourcePost rssItem(Element item, String feedUrl, byte[] fragment) {
        String guid = childText(item, "guid");
        String link = resolve(feedUrl, childText(item, "link"));
        String id = !guid.isEmpty() ? guid : link;
        if (id == null || id.isEmpty()) {
            return null;
        }
        List<HtmlText> body = new ArrayList<>();
        body.add(HtmlText.ofHtml(childWholeText(item, "description"), baseOf(link, feedUrl)));
        body.add(HtmlText.ofHtml(childWholeText(item, "content:encoded"), baseOf(link, feedUrl)));
        Instant published = firstDate(childText(item, "pubdate"), childText(item, "dc:date"));
        Set<SourceMedia> media = new LinkedHashSet<>();
        for (Element enclosure : children(item, "enclosure")) {
            addMedia(media, feedUrl, enclosure.attr("url"), enclosure.attr("type"), "");
        }
        addMediaRss(media, item, feedUrl);
        return post(
                id,
                postUrl(link, guid, feedUrl),
                published,
                null,
                childText(item, "title"),
                body,
                List.copyOf(media),
                null,
                fragment);
    }

    /** An Atom entry, or null when it has neither an id nor a link. */
    private static SourcePost atomEntry(Element entry, String feedUrl, byte[] fragment) {
        String link = null;
        for (Element candidate : children(entry, "link")) {
            String rel = candidate.attr("rel");
            if ((rel.isEmpty() || rel.equals("alternate")) && link == null) {
                link = resolve(feedUrl, candidate.attr("href"));
            }
        }
        String atomId = childText(entry, "id");
        String id = !atomId.isEmpty() ? atomId : link;
        if (id == null || id.isEmpty()) {
            return null;
        }
        String base = baseOf(link, feedUrl);
        List<HtmlText> body = new ArrayList<>();
        Element content = child(entry, "content");
        Element summary = child(entry, "summary");
        body.add(atomText(content != null ? content : summary, base));
        Element group = child(entry, "media:group");
        if (group != null) {
            body.add(HtmlText.ofPlain(childWholeText(group, "media:description")));
        }
        Instant updated = firstDate(childText(entry, "updated"));
        Instant published = firstDate(childText(entry, "published"), childText(entry, "updated"));
        Set<SourceMedia> media = new LinkedHashSet<>();
        for (Element enclosure : children(entry, "link")) {
            if (enclosure.attr("rel").equals("enclosure")) {
                addMedia(media, feedUrl, enclosure.attr("href"), enclosure.attr("type"), "");
            }
        }
        addMediaRss(media, entry, feedUrl);
        String views = null;
        for (Element statistics : entry.getElementsByTag("media:statistics")) {
            views = statistics.attr("views");
        }
        return post(
                        id,
                        postUrl(link, atomId, feedUrl),
                        published,
                        updated,
                        childText(entry, "title"),
                        body,
                        List.copyOf(media),
                        views == null || views.isEmpty() ? null : views,
                        fragment)
                .withRevision(null, updated);
    }

    private static SourcePost post(
            String id,
            String url,
            Instant published,
            Instant updated,
            String title,
            List<HtmlText> bodyParts,
            List<SourceMedia> media,
            String views,
            byte[] fragment) {
        List<String> plain = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        if (!title.isEmpty()) {
            plain.add(title);
            html.append(new Element("h2").text(title).outerHtml());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (HtmlText part : bodyParts) {
            // RSS feeds often repeat the description as the start of content:encoded, or send it twice verbatim.
            if (!part.plain().isEmpty() && seen.add(part.plain())) {
                plain.add(part.plain());
                html.append(part.html());
            }
        }
        boolean edited = published != null && updated != null && updated.isAfter(published);
        return new SourcePost(
                PostIds.fitting(id),
                url,
                published,
                String.join("\n\n", plain),
                html.toString(),
                edited,
                media,
                null,
                List.of(),
                null,
                null,
                views,
                "",
                fragment);
    }

    /** Atom text constructs: {@code type="html"} is escaped HTML, {@code xhtml} is inline markup, else plain text. */
    private static HtmlText atomText(Element element, String base) {
        if (element == null) {
            return HtmlText.EMPTY;
        }
        return switch (element.attr("type").toLowerCase(Locale.ROOT)) {
            case "html", "text/html" -> HtmlText.ofHtml(element.wholeText(), base);
            case "xhtml", "application/xhtml+xml" -> HtmlText.ofHtml(element.html(), base);
            default -> HtmlText.ofPlain(element.wholeText());
        };
    }

    /** Media RSS ({@code media:content}, {@code media:thumbnail}), directly or inside {@code media:group}. */
    private static void addMediaRss(Set<SourceMedia> media, Element entry, String feedUrl) {
        for (Element content : entry.getElementsByTag("media:content")) {
            addMedia(media, feedUrl, content.attr("url"), content.attr("type"), content.attr("medium"));
        }
        for (Element thumbnail : entry.getElementsByTag("media:thumbnail")) {
            String url = resolve(feedUrl, thumbnail.attr("url"));
            if (url != null) {
                media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, url));
            }
        }
    }

    /** Pictures and videos only: YouTube's player (application/x-shockwave-flash) and audio are no media we keep. */
    private static void addMedia(Set<SourceMedia> media, String feedUrl, String url, String type, String medium) {
        String absolute = resolve(feedUrl, url);
        if (absolute == null) {
            return;
        }
        String kind = type.toLowerCase(Locale.ROOT);
        if (kind.startsWith("image/") || medium.equalsIgnoreCase("image")) {
            media.add(new SourceMedia(MediaKind.PHOTO, absolute));
        } else if (kind.startsWith("video/") || medium.equalsIgnoreCase("video")) {
            media.add(new SourceMedia(MediaKind.VIDEO, absolute));
        }
    }

    /**
     * The entry's own link; else its id when that is a web URL; else the feed, which is all there is to link to. An
     * entry linking another platform's post is the feed's entry, not that post: it is archived under the feed's URL
     * with the link after it ({@link MentionUrl}), never under the post's own URL.
     */
    private static String postUrl(String link, String id, String feedUrl) {
        String url = link != null ? link : FeedUrls.isWebUrl(id) ? id.strip() : feedUrl;
        return MentionUrl.archivedUrl(feedUrl, url);
    }

    private static String baseOf(String link, String feedUrl) {
        return link != null ? link : feedUrl;
    }

    private static String resolve(String base, String url) {
        return WebUrls.resolve(base, url).orElse(null);
    }

    private static Instant firstDate(String... candidates) {
        for (String candidate : candidates) {
            Instant parsed = date(candidate);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    /** RFC 822 dates (RSS {@code pubDate}) or ISO 8601 ones (Atom, {@code dc:date}); null when neither. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException notRfc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Element child : parent.children()) {
            if (child.normalName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        return parent.children().stream()
                .filter(child -> child.normalName().equals(name))
                .toList();
    }

    private static String childText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.text().strip();
    }

    private static String childWholeText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.wholeText();
    }

    /**
     * Each entry's bytes as received, cut from the body at its start and end tags; null when the tags found do not
     * match the entries parsed one for one (a CDATA section quoting an item tag, say).
     */
    private static List<byte[]> rawEntries(String body, Charset charset, int expected) {
        List<byte[]> slices = new ArrayList<>();
        Matcher start = ENTRY_START.matcher(body);
        int from = 0;
        while (start.find(from)) {
            String closing = "</" + start.group(1) + ">";
            int end = body.indexOf(closing, start.end());
            if (end < 0) {
                return null;
            }
            end += closing.length();
            slices.add(body.substring(start.start(), end).getBytes(charset));
            from = end;
        }
        return slices.size() == expected ? slices : null;
    }
}
