package dev.afterimage.source.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.hash.Sha256;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.json.RawJson;
import dev.afterimage.source.text.HtmlText;
import dev.afterimage.source.text.PostIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * JSON Feed (versions 1 and 1.1, jsonfeed.org): each item's {@code id}, {@code url}, {@code title}, HTML or plain
 * content, {@code summary}, dates, {@code image} and picture or video {@code attachments}. Each item's JSON is kept
 * byte for byte as its evidence.
 */
final class JsonFeed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeed() {}

    /** Whether the text is a JSON object naming a jsonfeed.org version, not XML. */
    static boolean looksLikeOne(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") && start.contains("jsonfeed.org/version");
    }

    static ParsedFeed parse(byte[] body, String text, String feedUrl) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new ParsedFeed.NotAFeed("a JSON Feed that is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            return new ParsedFeed.NotAFeed("a JSON Feed without an items array");
        }
        List<byte[]> raw = RawJson.arrayElements(body, "items");
        List<SourcePost> posts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            byte[] fragment =
                    raw.size() == items.size() ? raw.get(i) : item.toString().getBytes(StandardCharsets.UTF_8);
            posts.add(item(item, feedUrl, fragment));
        }
        String title = root.path("title").asText("").replaceAll("\\s+", " ").strip();
        return new ParsedFeed.Entries(posts, title.isEmpty() ? Optional.empty() : Optional.of(title));
    }

    private static SourcePost item(JsonNode item, String feedUrl, byte[] fragment) {
        String link = WebUrls.resolve(feedUrl, text(item, "url")).orElse(null);
        String id = text(item, "id").strip();
        String base = link != null ? link : feedUrl;
        String title = text(item, "title").strip();
        List<String> plain = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        if (!title.isEmpty()) {
            plain.add(title);
            html.append(new Element("h2").text(title).outerHtml());
        }
        HtmlText body = !text(item, "content_html").isEmpty()
                ? HtmlText.ofHtml(text(item, "content_html"), base)
                : !text(item, "content_text").isEmpty()
                        ? HtmlText.ofPlain(text(item, "content_text"))
                        : HtmlText.ofPlain(text(item, "summary"));
        if (!body.plain().isEmpty()) {
            plain.add(body.plain());
            html.append(body.html());
        }
        String words = String.join("\n\n", plain);
        Instant published = FeedDates.parse(text(item, "date_published"));
        Instant modified = FeedDates.parse(text(item, "date_modified"));
        Set<SourceMedia> media = new LinkedHashSet<>();
        WebUrls.resolve(base, text(item, "image")).ifPresent(url -> media.add(new SourceMedia(MediaKind.PHOTO, url)));
        for (JsonNode attachment : item.path("attachments")) {
            String type = text(attachment, "mime_type").toLowerCase(Locale.ROOT);
            MediaKind kind =
                    type.startsWith("image/") ? MediaKind.PHOTO : type.startsWith("video/") ? MediaKind.VIDEO : null;
            if (kind != null) {
                WebUrls.resolve(base, text(attachment, "url")).ifPresent(url -> media.add(new SourceMedia(kind, url)));
            }
        }
        String postId = !id.isEmpty()
                ? PostIds.fitting(id)
                : link != null ? PostIds.fitting(link) : "sha256:" + Sha256.of(fragment);
        return SourcePost.builder(postId, link != null ? link : feedUrl, fragment)
                .publishedAt(published != null ? published : modified)
                .text(words, html.toString())
                .edited(published != null && modified != null && modified.isAfter(published))
                .media(List.copyOf(media))
                .revision(null, modified)
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
