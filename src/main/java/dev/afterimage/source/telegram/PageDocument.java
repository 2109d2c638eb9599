package dev.afterimage.source.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * A fetched page: the jsoup document, and the text it was parsed from, so that an element's markup can be cut out
 * of the response exactly as received, as evidence.
 */
record PageDocument(Document document, String source) {

    PageDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(source, "source");
    }

    /** t.me serves UTF-8; positions are tracked so elements can be mapped back to the received text. */
    static PageDocument parse(byte[] html, String baseUri) {
        Objects.requireNonNull(html, "html");
        String source = new String(html, StandardCharsets.UTF_8);
        Document document = Jsoup.parse(source, baseUri, Parser.htmlParser().setTrackPosition(true));
        // Compact UTF-8 output for the text and HTML derived from the page.
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return new PageDocument(document, source);
    }

    /**
     * The element's markup as received, from its start tag to its end tag; for a well-formed UTF-8 page these are
     * the response's own bytes. An element whose end tag was implied by the parser falls back to jsoup's serialisation.
     */
    byte[] receivedBytesOf(Element element) {
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        if (!start.isTracked()
                || !end.isTracked()
                || end.endPos() <= start.startPos()
                || end.endPos() > source.length()) {
            return element.outerHtml().getBytes(StandardCharsets.UTF_8);
        }
        return source.substring(start.startPos(), end.endPos()).getBytes(StandardCharsets.UTF_8);
    }
}
