package dev.afterimage.source.text;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A piece of publisher HTML (a feed entry's content, an article's body) as plain text and as HTML safe to render.
 *
 * @param plain the words, with a line break per {@code <br>} and a blank line between blocks
 * @param html formatting, links and images only; no scripts, handlers, styles or classes
 */
public record HtmlText(String plain, String html) {

    public static final HtmlText EMPTY = new HtmlText("", "");

    // Articles carry headings and tables besides formatting. Pictures are left out: they are archived as media, and
    // an <img> pointing at the publisher would tell it who reads the archive. The forced rel keeps archived links
    // from lending the archive's standing (nofollow) or a handle on its window (noopener) to what a post links to.
    private static final Safelist SAFELIST = Safelist.basic()
            .addTags(
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "figure",
                    "figcaption",
                    "hr")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figure",
            "figcaption",
            "hr",
            "dl",
            "dt",
            "dd");

    /**
     * @param html a fragment of HTML as the publisher wrote it
     * @param baseUri what relative links and image sources are resolved against
     */
    public static HtmlText ofHtml(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return EMPTY;
        }
        Document fragment = Jsoup.parseBodyFragment(html, baseUri);
        return of(fragment.body(), baseUri);
    }

    /** Plain text as published (an Atom {@code type="text"} summary): its markup-like characters are words. */
    public static HtmlText ofPlain(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String plain = tidy(text);
        Element paragraph = new Element("p").text(plain);
        return new HtmlText(plain, paragraph.outerHtml());
    }

    /** The text of an element of a parsed page, e.g. an article body picked by a CSS selector. */
    public static HtmlText of(Element content, String baseUri) {
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        Document owner = content.ownerDocument();
        if (owner != null) {
            // Pretty-printing would add line breaks of its own to the markup before it is sanitised.
            owner.outputSettings(compact.clone());
        }
        return new HtmlText(
                plainOf(content),
                Jsoup.clean(content.html(), baseUri, SAFELIST, compact).strip());
    }

    /** The plain text of an element: what a reader sees, laid out in lines and paragraphs. */
    public static String plainOf(Element content) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.getWholeText().replaceAll("\\s+", " "));
                        } else if (node instanceof Element element) {
                            if (element.nameIs("br")) {
                                out.append('\n');
                            } else if (BLOCKS.contains(element.normalName())) {
                                out.append("\n\n");
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                            out.append("\n\n");
                        }
                    }
                },
                content);
        return tidy(out.toString());
    }

    // One space at most between words, no blanks at line ends, at most one empty line between paragraphs.
    private static String tidy(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
