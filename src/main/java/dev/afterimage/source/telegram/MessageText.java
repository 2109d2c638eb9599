package dev.afterimage.source.telegram;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A message's text both as plain text and as HTML safe to render.
 *
 * @param plain the text with line breaks from {@code <br>} and emoji as their characters
 * @param html the formatting and links only; no scripts, handlers, styles or classes
 */
record MessageText(String plain, String html) {

    static final MessageText EMPTY = new MessageText("", "");

    // Telegram's formatting entities plus links. The forced rel keeps archived links from lending the archive's
    // standing (nofollow) or a handle on its window (noopener) to whatever a post links to.
    private static final Safelist SAFELIST =
            Safelist.basic().addTags("s", "del", "ins").addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Evaluator EMOJI = QueryParser.parse("i.emoji");
    private static final Evaluator EMOJI_WRAPPER = QueryParser.parse("tg-emoji");

    /**
     * @param baseUri what relative links (e.g. hashtag searches) are resolved against before sanitising
     */
    static MessageText of(Element textElement, String baseUri) {
        Element content = contentOnly(textElement, baseUri);
        String plain = plain(content);
        // The copy's own nodes are cleaned where they stand: serialising them only to parse them again cost as much
        // as the cleaning.
        Document dirty = Document.createShell(baseUri);
        dirty.body().appendChildren(content.childNodes());
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings(compact());
        return new MessageText(plain, clean.body().html().strip());
    }

    /** The plain text of a block such as a link preview description. */
    static String plainOf(Element element) {
        return plain(contentOnly(element, ""));
    }

    // wholeText keeps the text's own spacing and turns each <br> into a line break.
    private static String plain(Element content) {
        return content.wholeText().strip();
    }

    /**
     * A copy of the element with each emoji reduced to its character: Telegram draws an emoji as
     * {@code <i class="emoji" style="background-image:…"><b>😂</b></i>}, often inside {@code <tg-emoji>}. The copy
     * lives in its own compact document, so the page (and the evidence taken from it) stays untouched.
     */
    private static Element contentOnly(Element element, String baseUri) {
        Document shell = Document.createShell(baseUri);
        shell.outputSettings(compact());
        Element copy = element.clone();
        shell.body().appendChild(copy);
        copy.select(EMOJI).forEach(emoji -> emoji.replaceWith(new TextNode(emoji.text())));
        copy.select(EMOJI_WRAPPER).unwrap();
        return copy;
    }

    // A fresh instance each time: output settings carry per-use encoder state, so they are not shared.
    private static Document.OutputSettings compact() {
        return new Document.OutputSettings().prettyPrint(false);
    }
}
