package dev.afterimage.source.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns the bytes of a fetched page into a jsoup document that serialises back compactly and as UTF-8. */
final class PageDocument {

    private PageDocument() {}

    static Document parse(byte[] html, String baseUri) {
        Objects.requireNonNull(html, "html");
        try {
            // A null charset lets jsoup honour a BOM or <meta charset>, falling back to UTF-8 as t.me serves.
            Document document = Jsoup.parse(new ByteArrayInputStream(html), null, baseUri);
            // Pretty-printing would re-indent the markup kept as evidence; UTF-8 output keeps non-ASCII unescaped.
            document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page cannot fail", e);
        }
    }
}
