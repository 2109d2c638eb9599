package dev.afterimage.source.mastodon;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * A status's text both as plain text and as HTML safe to render. A content warning ({@code spoiler_text}) is part of
 * what the author said, so it leads the text as {@code CW: <warning>}.
 *
 * @param plain paragraphs separated by a blank line, {@code <br>} as a line break, links written out in full
 * @param html the formatting and links only; no scripts, handlers, styles or classes
 */
record StatusText(String plain, String html) {

    // The forced rel keeps archived links from lending the archive's standing (nofollow) or a handle on its window
    // (noopener) to whatever a post links to.
    private static final Safelist SAFELIST =
            Safelist.basic().addTags("s", "del", "ins").addEnforcedAttribute("a", "rel", "nofollow noopener");

    /**
     * @param content the status's {@code content} HTML
     * @param spoiler the status's {@code spoiler_text}, empty when it has none
     * @param baseUri what relative links are resolved against before sanitising
     */
    static StatusText of(String content, String spoiler, String baseUri) {
        Document body = Jsoup.parseBodyFragment(content, baseUri);
        String plain = plain(body.body());
        String html = Jsoup.clean(content, baseUri, SAFELIST, compact()).strip();
        if (spoiler.isBlank()) {
            return new StatusText(plain, html);
        }
        String warning = "CW: " + spoiler.strip();
        Element paragraph = new Element("p").text(warning);
        return new StatusText(plain.isEmpty() ? warning : warning + "\n\n" + plain, paragraph.outerHtml() + html);
    }

    private static String plain(Element body) {
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node.nameIs("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && depth > 0) {
                    out.append("\n\n");
                }
            }
        });
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    // A fresh instance each time: output settings carry per-use encoder state, so they are not shared.
    private static Document.OutputSettings compact() {
        return new Document.OutputSettings().prettyPrint(false);
    }
}
