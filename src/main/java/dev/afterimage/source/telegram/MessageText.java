package dev.afterimage.source.telegram;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * A message's text both as plain text and as HTML safe to render.
 *
 * @param plain the text with line breaks from {@code <br>} and emoji as their characters
 * @param html the formatting and links only; no scripts, handlers, styles or classes
 */
record MessageText(String plain, String html) {

    static final MessageText EMPTY = new MessageText("", "");

    // Telegram's own formatting entities plus links; rel is forced so archived links pass no referrer trust on.
    private static final Safelist SAFELIST = Safelist.basic()
            .addTags("s", "del", "ins")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    /**
     * @param baseUri what relative links (e.g. hashtag searches) are resolved against before sanitising
     */
    static MessageText of(Element textElement, String baseUri) {
        Element copy = detachedCopy(textElement, baseUri);
        // An emoji is <i class="emoji" style="background-image:…"><b>😂</b></i>: only the character is content.
        copy.select("i.emoji").forEach(emoji -> emoji.replaceWith(new TextNode(emoji.text())));
        copy.select("tg-emoji").unwrap();
        return new MessageText(copy.wholeText().strip(), Jsoup.clean(copy.html(), baseUri, SAFELIST, COMPACT).strip());
    }

    /** The text of a block such as a link preview description, with {@code <br>} as line breaks. */
    static String plainOf(Element element, String baseUri) {
        return of(element, baseUri).plain();
    }

    // The copy lives in its own compact document so that editing it leaves the page (and its evidence) untouched.
    private static Element detachedCopy(Element element, String baseUri) {
        Document shell = Document.createShell(baseUri);
        shell.outputSettings(COMPACT.clone());
        Element copy = element.clone();
        shell.body().appendChild(copy);
        return copy;
    }
}
