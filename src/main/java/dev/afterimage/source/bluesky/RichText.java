package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A post's text with its facets (links, mentions, tags) as sanitised HTML. Facets address the text by UTF-8 byte
 * offsets, so the text is cut as bytes; a facet that overlaps another or falls outside the text is ignored, and the
 * text stays readable.
 */
final class RichText {

    private static final Safelist SAFELIST = Safelist.basic();
    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);

    private RichText() {}

    static String html(String text, JsonNode facets) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder html = new StringBuilder();
        int at = 0;
        for (Link link : links(facets, bytes.length)) {
            if (link.start() < at) {
                continue;
            }
            html.append(escaped(bytes, at, link.start()))
                    .append("<a href=\"")
                    .append(Entities.escape(link.href()))
                    .append("\">")
                    .append(escaped(bytes, link.start(), link.end()))
                    .append("</a>");
            at = link.end();
        }
        html.append(escaped(bytes, at, bytes.length));
        return Jsoup.clean(html.toString(), "https://bsky.app/", SAFELIST, OUTPUT);
    }

    private static List<Link> links(JsonNode facets, int length) {
        List<Link> links = new ArrayList<>();
        for (JsonNode facet : facets) {
            int start = facet.path("index").path("byteStart").asInt(-1);
            int end = facet.path("index").path("byteEnd").asInt(-1);
            if (start < 0 || end <= start || end > length) {
                continue;
            }
            for (JsonNode feature : facet.path("features")) {
                String href = href(feature);
                if (href != null) {
                    links.add(new Link(start, end, href));
                    break;
                }
            }
        }
        links.sort(Comparator.comparingInt(Link::start));
        return links;
    }

    private static String href(JsonNode feature) {
        return switch (feature.path("$type").asText()) {
            case "app.bsky.richtext.facet#link" -> feature.path("uri").asText(null);
            case "app.bsky.richtext.facet#mention" ->
                "https://bsky.app/profile/" + feature.path("did").asText();
            case "app.bsky.richtext.facet#tag" ->
                "https://bsky.app/hashtag/" + feature.path("tag").asText();
            default -> null;
        };
    }

    private static String escaped(byte[] bytes, int from, int to) {
        String part = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        return Entities.escape(part).replace("\n", "<br>");
    }

    private record Link(int start, int end, String href) {}
}
