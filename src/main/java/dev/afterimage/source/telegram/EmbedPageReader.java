package dev.afterimage.source.telegram;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Classifies a {@code /<channel>/<id>?embed=1} page. */
final class EmbedPageReader {

    /**
     * The one error text known to mean the message does not exist. Others (e.g. "Channel is private") say
     * something about the channel, not the post, so they stay unrecognised rather than prove a deletion.
     */
    private static final String POST_NOT_FOUND = "Post not found";

    private EmbedPageReader() {}

    static EmbedResult read(PageDocument received, String channel, String id, TelegramUrls urls) {
        Document page = received.document();
        List<Element> messages = page.select("div.tgme_widget_message");
        if (messages.size() != 1) {
            return new EmbedResult.Unrecognised(messages.size() + " tgme_widget_message elements, expected one");
        }
        Element message = messages.getFirst();
        if (message.hasClass("err_message")) {
            return notFound(message);
        }
        String asked = channel + "/" + id;
        String shown = message.attr("data-post");
        if (!shown.equalsIgnoreCase(asked)) {
            return new EmbedResult.Unrecognised("the embed shows \"" + shown + "\", not " + asked);
        }
        return new MessageReader(channel, urls, received)
                .read(message)
                .<EmbedResult>map(EmbedResult.Found::new)
                .orElseGet(() -> new EmbedResult.Unrecognised("the message " + asked + " is there but not readable"));
    }

    private static EmbedResult notFound(Element errorMessage) {
        Element error = errorMessage.selectFirst(".tgme_widget_message_error");
        if (error == null || errorMessage.hasAttr("data-post")) {
            return new EmbedResult.Unrecognised("an err_message without a plain tgme_widget_message_error");
        }
        String text = error.text().strip();
        return text.equalsIgnoreCase(POST_NOT_FOUND)
                ? new EmbedResult.NotFound(text)
                : new EmbedResult.Unrecognised("an error not known to mean deleted: \"" + text + "\"");
    }
}
