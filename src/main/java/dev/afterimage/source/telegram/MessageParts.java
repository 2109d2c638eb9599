package dev.afterimage.source.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The parts of one {@code div.tgme_widget_message} that {@link MessageReader} reads, found in one walk through the
 * message's elements: a query for each part walked every message a dozen times, about a seventh of an unchanged
 * poll's CPU.
 *
 * <p>The message's own text, media and documents are those outside the blocks that show someone else's content (the
 * quoted parent of a reply, the page a link preview shows); its own link preview and forwarded-from line are those
 * outside a quoted parent. The other parts are the first anywhere in the message, in document order.
 */
record MessageParts(
        Optional<Element> dateTime,
        Optional<Element> ownText,
        Optional<Element> meta,
        List<Element> media,
        Optional<Element> linkPreview,
        List<Element> documents,
        Optional<Element> forwardedFrom,
        Optional<Element> replyLink,
        Optional<Element> views,
        Optional<Element> reactions) {

    private static final String PART_CLASS_PREFIX = "tgme_widget_message_";
    private static final Evaluator FOREIGN_BLOCKS =
            QueryParser.parse(".tgme_widget_message_reply, .tgme_widget_message_link_preview");
    private static final Evaluator REPLY = QueryParser.parse(".tgme_widget_message_reply");
    private static final Evaluator DATE_TIME = QueryParser.parse("a.tgme_widget_message_date time[datetime]");
    private static final Evaluator MESSAGE_TEXT = QueryParser.parse(".tgme_widget_message_text.js-message_text");
    private static final Evaluator META = QueryParser.parse(".tgme_widget_message_meta");
    private static final Evaluator MEDIA_ITEMS = QueryParser.parse("a.tgme_widget_message_photo_wrap,"
            + " a.tgme_widget_message_video_player, .tgme_widget_message_roundvideo_player");
    private static final Evaluator LINK_PREVIEW = QueryParser.parse("a.tgme_widget_message_link_preview[href]");
    private static final Evaluator DOCUMENT = QueryParser.parse(".tgme_widget_message_document");
    private static final Evaluator FORWARDED_FROM = QueryParser.parse(".tgme_widget_message_forwarded_from");
    private static final Evaluator REPLY_LINK = QueryParser.parse("a.tgme_widget_message_reply[href]");
    private static final Evaluator VIEWS = QueryParser.parse(".tgme_widget_message_views");
    private static final Evaluator REACTIONS = QueryParser.parse(".tgme_widget_message_reactions");

    MessageParts {
        media = List.copyOf(media);
        documents = List.copyOf(documents);
    }

    static MessageParts of(Element message) {
        Walk walk = new Walk(message);
        NodeTraversor.traverse(walk, message);
        return new MessageParts(
                Optional.ofNullable(walk.dateTime),
                Optional.ofNullable(walk.ownText),
                Optional.ofNullable(walk.meta),
                walk.media,
                Optional.ofNullable(walk.linkPreview),
                walk.documents,
                Optional.ofNullable(walk.forwardedFrom),
                Optional.ofNullable(walk.replyLink),
                Optional.ofNullable(walk.views),
                Optional.ofNullable(walk.reactions));
    }

    /** Notes each part as the walk meets it; the depth at which a foreign block or a reply began marks its extent. */
    private static final class Walk implements NodeVisitor {

        private static final int OUTSIDE = -1;

        private final Element message;
        private int foreignFrom = OUTSIDE;
        private int replyFrom = OUTSIDE;
        private Element dateTime;
        private Element ownText;
        private Element meta;
        private final List<Element> media = new ArrayList<>();
        private Element linkPreview;
        private final List<Element> documents = new ArrayList<>();
        private Element forwardedFrom;
        private Element replyLink;
        private Element views;
        private Element reactions;

        Walk(Element message) {
            this.message = message;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            dateTime = firstOf(dateTime, DATE_TIME, element);
            // Every other part is marked by a class that begins tgme_widget_message_: one look at the class attribute
            // spares the dozen queries for the many elements of a message's text and media that have none.
            if (!mayBePart(element.className())) {
                return;
            }
            // A block is foreign from its own element down, as Element.closest counts it.
            if (foreignFrom == OUTSIDE && FOREIGN_BLOCKS.matches(message, element)) {
                foreignFrom = depth;
            }
            if (replyFrom == OUTSIDE && REPLY.matches(message, element)) {
                replyFrom = depth;
            }
            meta = firstOf(meta, META, element);
            replyLink = firstOf(replyLink, REPLY_LINK, element);
            views = firstOf(views, VIEWS, element);
            reactions = firstOf(reactions, REACTIONS, element);
            if (replyFrom == OUTSIDE) {
                linkPreview = firstOf(linkPreview, LINK_PREVIEW, element);
                forwardedFrom = firstOf(forwardedFrom, FORWARDED_FROM, element);
            }
            if (foreignFrom == OUTSIDE) {
                ownText = firstOf(ownText, MESSAGE_TEXT, element);
                if (MEDIA_ITEMS.matches(message, element)) {
                    media.add(element);
                }
                if (DOCUMENT.matches(message, element)) {
                    documents.add(element);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (depth == foreignFrom) {
                foreignFrom = OUTSIDE;
            }
            if (depth == replyFrom) {
                replyFrom = OUTSIDE;
            }
        }

        // Case-blind, as jsoup matches classes.
        private static boolean mayBePart(String classes) {
            for (int at = 0; at + PART_CLASS_PREFIX.length() <= classes.length(); at++) {
                if (classes.regionMatches(true, at, PART_CLASS_PREFIX, 0, PART_CLASS_PREFIX.length())) {
                    return true;
                }
            }
            return false;
        }

        private Element firstOf(Element found, Evaluator query, Element element) {
            return found != null || !query.matches(message, element) ? found : element;
        }
    }
}
