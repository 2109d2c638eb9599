package dev.afterimage.source.telegram;

import dev.afterimage.source.SourcePost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Classifies a {@code /s/<channel>} page and reads its messages. */
final class ListingPageReader {

    private static final Pattern NUMERIC_CURSOR = Pattern.compile("\\d+");
    // Queries parsed once, not for every page.
    private static final Evaluator MESSAGE_MARKUP =
            QueryParser.parse(".tgme_widget_message_wrap, .tgme_widget_message");
    private static final Evaluator CHANNEL_MARKUP = QueryParser.parse(".tgme_channel_info, .tgme_channel_history");
    private static final Evaluator MESSAGE = QueryParser.parse(".tgme_widget_message");
    private static final Evaluator USERNAME = QueryParser.parse(".tgme_channel_info_header_username");
    private static final Evaluator MORE = QueryParser.parse("a.tme_messages_more[data-before]");

    private ListingPageReader() {}

    static ParsedListing read(PageDocument received, String channel, TelegramUrls urls) {
        Document page = received.document();
        if (page.selectFirst(CHANNEL_MARKUP) == null) {
            return new ParsedListing.NotAChannelPage("no channel markup (tgme_channel_info, tgme_channel_history)");
        }
        Optional<String> shownChannel = shownChannel(page);
        if (shownChannel.isPresent() && !shownChannel.get().equalsIgnoreCase("@" + channel)) {
            return new ParsedListing.NotAChannelPage("the page shows " + shownChannel.get() + ", not @" + channel);
        }
        Optional<String> cursor = olderPageCursor(page);
        List<Element> units = messageUnits(page);
        if (units.isEmpty() && cursor.isPresent()) {
            // Telegram links to older posts only from a page that shows some: an empty page with the link is not empty.
            return new ParsedListing.Unparseable("a load-more link (before=" + cursor.get() + ") but no messages");
        }
        MessageReader reader = new MessageReader(channel, urls, received);
        List<SourcePost> posts = new ArrayList<>();
        int unreadable = 0;
        for (Element unit : units) {
            Element message = unit.hasClass("tgme_widget_message") ? unit : unit.selectFirst(MESSAGE);
            if (message != null && MessageReader.isServiceMessage(message)) {
                continue;
            }
            Optional<SourcePost> post = message == null ? Optional.empty() : reader.read(message);
            if (post.isPresent()) {
                posts.add(post.get());
            } else {
                unreadable++;
            }
        }
        if (posts.isEmpty() && unreadable > 0) {
            return new ParsedListing.Unparseable(unreadable + " message(s) on the page, none readable (each needs"
                    + " data-post=\"" + channel + "/<id>\" and a tgme_widget_message_date with time[datetime])");
        }
        posts.sort(Comparator.comparingLong((SourcePost post) -> Long.parseLong(post.platformPostId()))
                .reversed());
        return new ParsedListing.Listing(posts, cursor);
    }

    private static Optional<String> shownChannel(Document page) {
        return Optional.ofNullable(page.selectFirst(USERNAME))
                .map(username -> username.text().strip())
                .filter(username -> !username.isEmpty());
    }

    private static Optional<String> olderPageCursor(Document page) {
        return Optional.ofNullable(page.selectFirst(MORE))
                .map(more -> more.attr("data-before").strip())
                .filter(before -> NUMERIC_CURSOR.matcher(before).matches());
    }

    /** Each message once: a wrap, or a message element standing without one. */
    private static List<Element> messageUnits(Document page) {
        return page.select(MESSAGE_MARKUP).stream()
                .filter(element -> element.parent() == null || element.parent().closest(MESSAGE_MARKUP) == null)
                .toList();
    }
}
