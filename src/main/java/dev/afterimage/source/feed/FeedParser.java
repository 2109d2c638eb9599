package dev.afterimage.source.feed;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.text.HtmlText;
import dev.afterimage.source.text.PostIds;
import dev.afterimage.source.url.MentionUrl;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 items, Atom 0.3/1.0 entries (YouTube's channel feeds included) and JSON Feed items into
 * posts, leniently: a feed a strict XML parser refuses (a namespace prefix never declared, a feed inside an XHTML
 * page) is still a feed its readers see, and refusing it would leave the account watched blind.
 *
 * <p>What a post's text is made of is chosen so that only the publisher's own changes change it: the title and the
 * body. Counters a feed carries (YouTube's {@code media:statistics} views, {@code media:starRating}) move with
 * every poll, so they go to {@code views} and {@code reactions}, which versions are not compared on.
 */
final class FeedParser {

    // A closing tag or a character or entity reference: feedparser's test for text that is really HTML.
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("</[A-Za-z][A-Za-z0-9]*\\s*>|&#?[A-Za-z0-9]+;");

    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed", "channel");

    private static final Pattern ENTRY_START = Pattern.compile("<((?:[A-Za-z0-9_.-]+:)?(?:item|entry))[\\s>/]");

    private FeedParser() {}

    /**
     * @param body the feed's bytes as received
     * @param contentType the HTTP {@code Content-Type}, whose charset is honoured; null when unknown
     * @param feedUrl the URL the feed was read from, which relative links are resolved against
     */
    static ParsedFeed parse(byte[] body, String contentType, String feedUrl) {
        FeedText decoded = FeedText.decode(body, contentType);
        if (JsonFeed.looksLikeOne(decoded.text())) {
            return JsonFeed.parse(body, decoded.text(), feedUrl);
        }
        // jsoup never fetches nor opens anything a DOCTYPE names (no XXE); the internal entities it does not expand
        // are expanded first, within bounds.
        Document document = Jsoup.parse(DtdEntities.expand(decoded.text()), feedUrl, Parser.xmlParser());
        Element top = document.children().first();
        if (top == null) {
            return new ParsedFeed.NotAFeed("the body holds no XML element");
        }
        Element root = feedElement(top);
        String rootName = localName(root);
        List<Element> entries;
        boolean atom;
        if (rootName.equals("rss") || rootName.equals("rdf") || rootName.equals("channel")) {
            entries = root.getElementsByTag(prefixOf(root, "item"));
            atom = false;
        } else if (rootName.equals("feed")) {
            String entryTag = prefixOf(root, "entry");
            entries = root.children().stream()
                    .filter(child -> child.normalName().equals(entryTag))
                    .toList();
            if (entries.isEmpty()) {
                // A feed of RSS-style items is still read, as feedparser reads it, the items as Atom entries.
                entries = root.getElementsByTag("item");
            }
            atom = true;
        } else {
            return new ParsedFeed.NotAFeed("not an RSS or Atom feed: its root element is <" + root.tagName() + ">");
        }
        List<byte[]> raw = rawEntries(decoded.text(), decoded.charset(), entries.size());
        List<SourcePost> posts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            // When the entries cannot be cut from the bytes one for one, the parsed entry written out again
            // stands in as its fragment: the same content, not the same bytes.
            byte[] fragment = raw != null ? raw.get(i) : entry.outerHtml().getBytes(StandardCharsets.UTF_8);
            posts.add(atom ? atomEntry(entry, feedUrl, fragment) : rssItem(entry, feedUrl, fragment));
        }
        return new ParsedFeed.Entries(posts, title(root, atom));
    }

    /** The feed's own title: the channel's in RSS, the feed's in Atom (not an entry's). */
    private static Optional<String> title(Element root, boolean atom) {
        Element container = atom
                ? root
                : root.getElementsByTag(prefixOf(root, "channel")).stream()
                        .findFirst()
                        .orElse(root);
        String tag = prefixOf(root, "title");
        return container.children().stream()
                .filter(child -> child.normalName().equals(tag))
                .findFirst()
                .map(Element::text)
                .map(text -> text.replaceAll("\\s+", " ").strip())
                .filter(text -> !text.isEmpty());
    }

    /** The root, or a feed element inside it: some publishers wrap their feed in an XHTML page. */
    private static Element feedElement(Element top) {
        if (FEED_ROOTS.contains(localName(top))) {
            return top;
        }
        for (Element element : top.getAllElements()) {
            if (FEED_ROOTS.contains(localName(element))) {
                return element;
            }
        }
        return top;
    }

    /** A name without its namespace prefix, lower case: {@code rdf:RDF} is {@code rdf}. */
    private static String localName(Element element) {
        String name = element.normalName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The entry tag spelt with the root's prefix, for the rare feed that prefixes every element. */
    private static String prefixOf(Element root, String tag) {
        String name = root.normalName();
        int colon = name.indexOf(':');
        return colon < 0 || name.startsWith("rdf:") ? tag : name.substring(0, colon + 1) + tag;
    }

    /**
     * An RSS item. Its id is its guid, else its RSS 1.0 {@code rdf:about}, else its link; an item with none of them
     * is identified by a hash of its content, so it is still archived.
     */
    private static SourcePost rssItem(Element item, String feedUrl, byte[] fragment) {
        String guid = childText(item, "guid");
        String link = resolve(feedUrl, rssLink(item));
        String about = item.attr("rdf:about").strip();
        String id = !guid.isEmpty() ? guid : !about.isEmpty() ? about : link;
        String base = baseOf(link, feedUrl);
        List<HtmlText> body = new ArrayList<>();
        body.add(HtmlText.ofHtml(childWholeText(item, "description"), base));
        body.add(HtmlText.ofHtml(childWholeText(item, "content:encoded"), base));
        Instant published = firstDate(
                childText(item, "pubdate"),
                childText(item, "dcterms:issued"),
                childText(item, "dc:date"),
                childText(item, "dcterms:modified"),
                childText(item, "dcterms:created"));
        Set<SourceMedia> media = new LinkedHashSet<>();
        for (Element enclosure : children(item, "enclosure")) {
            addMedia(media, feedUrl, enclosure.attr("url"), enclosure.attr("type"), "");
        }
        addMediaRss(media, item, feedUrl);
        return post(
                id,
                postUrl(link, id, feedUrl),
                published,
                null,
                rssTitle(item),
                body,
                List.copyOf(media),
                null,
                fragment);
    }

    /** The item's {@code <link>}, else an Atom link inside it ({@code <atom:link>}, .NET's {@code <a10:link>}). */
    private static String rssLink(Element item) {
        String link = childText(item, "link");
        if (!link.isEmpty()) {
            return link;
        }
        for (Element child : item.children()) {
            String rel = child.attr("rel");
            if (localName(child).equals("link")
                    && child.hasAttr("href")
                    && (rel.isEmpty() || rel.equals("alternate"))) {
                return child.attr("href");
            }
        }
        return null;
    }

    /**
     * An RSS title is text, but publishers escape markup and character references into it ({@code &amp;#8217;}); one
     * that looks like HTML is read as HTML, as feedparser reads it.
     */
    private static String rssTitle(Element item) {
        Element title = child(item, "title");
        if (title == null) {
            return "";
        }
        String text = title.wholeText();
        return looksLikeHtml(text)
                ? Jsoup.parse(text).text().strip()
                : title.text().strip();
    }

    private static boolean looksLikeHtml(String text) {
        return LOOKS_LIKE_HTML.matcher(text).find();
    }

    /** An Atom entry (1.0 or 0.3); identified by its id, else its link, else a hash of its content. */
    private static SourcePost atomEntry(Element entry, String feedUrl, byte[] fragment) {
        String link = null;
        for (Element candidate : children(entry, "link")) {
            String rel = candidate.attr("rel");
            if ((rel.isEmpty() || rel.equals("alternate")) && link == null && candidate.hasAttr("href")) {
                link = resolve(feedUrl, candidate.attr("href"));
            }
        }
        String atomId = childText(entry, "id");
        String id = !atomId.isEmpty() ? atomId : link;
        String base = baseOf(link, feedUrl);
        List<HtmlText> body = new ArrayList<>();
        Element content = child(entry, "content");
        Element summary = child(entry, "summary");
        body.add(atomText(content != null ? content : summary, base));
        Element group = child(entry, "media:group");
        if (group != null) {
            body.add(HtmlText.ofPlain(childWholeText(group, "media:description")));
        }
        Instant updated = firstDate(childText(entry, "updated"), childText(entry, "modified"));
        Instant published = firstDate(
                childText(entry, "published"),
                childText(entry, "issued"),
                childText(entry, "updated"),
                childText(entry, "modified"),
                childText(entry, "created"));
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
                        postUrl(link, id, feedUrl),
                        published,
                        updated,
                        atomTitle(child(entry, "title")),
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
        String text = String.join("\n\n", plain);
        return SourcePost.builder(
                        id == null || id.isBlank() ? contentId(published, text, fragment) : PostIds.fitting(id),
                        url,
                        fragment)
                .publishedAt(published)
                .text(text, html.toString())
                .edited(edited)
                .media(media)
                .views(views)
                .build();
    }

    /**
     * The id of an entry without id or link: a hash of what it says and when, which stays the same for as long as
     * the entry does; of its bytes when it says nothing.
     */
    private static String contentId(Instant published, String text, byte[] fragment) {
        String hash = text.isEmpty() ? Sha256.of(fragment) : Sha256.ofText(published + "\n" + text);
        return "sha256:" + hash;
    }

    /** An Atom title: a text construct, whose markup ({@code type="html"}) is not part of its words. */
    private static String atomTitle(Element title) {
        if (title == null) {
            return "";
        }
        String type = title.attr("type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "html", "text/html", "xhtml", "application/xhtml+xml" ->
                Jsoup.parse(type.contains("xhtml") ? title.html() : title.wholeText())
                        .text()
                        .strip();
            // Atom 0.3 escaped its titles by mode="escaped" without a type.
            default ->
                title.attr("mode").equals("escaped")
                        ? Jsoup.parse(title.wholeText()).text().strip()
                        : title.text().strip();
        };
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
        String url = link != null ? link : FeedNaming.isWebUrl(id) ? id.strip() : feedUrl;
        return MentionUrl.archivedUrl(feedUrl, url);
    }

    private static String baseOf(String link, String feedUrl) {
        return link != null ? link : feedUrl;
    }

    /**
     * {@code url} made absolute. Its {@code #fragment} is kept: publishers tell entries on one page apart by it
     * ({@code …/26.html#a080605}), so without it distinct entries would collapse into one.
     */
    private static String resolve(String base, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String reference = url.strip();
        if (FeedNaming.isWebUrl(reference)) {
            // Already absolute: kept as the publisher spelt it, the spelling its id was made of.
            return reference;
        }
        int hash = reference.indexOf('#');
        String fragment = hash < 0 ? "" : reference.substring(hash);
        String resolved = WebUrls.resolve(base, hash < 0 ? reference : reference.substring(0, hash))
                .orElse(null);
        return resolved == null || fragment.length() <= 1 ? resolved : resolved + fragment;
    }

    private static Instant firstDate(String... candidates) {
        for (String candidate : candidates) {
            Instant parsed = FeedDates.parse(candidate);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
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
