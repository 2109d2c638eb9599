package dev.afterimage.source.telegram;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Variants of real captures made in code: parse the real bytes, change one thing, serialise again. */
final class PageVariants {

    private PageVariants() {}

    static byte[] variant(byte[] realPage, Consumer<Document> change) {
        Document page = Jsoup.parse(new String(realPage, StandardCharsets.UTF_8));
        change.accept(page);
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] html(String markup) {
        return markup.getBytes(StandardCharsets.UTF_8);
    }
}
