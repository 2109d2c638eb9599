package dev.afterimage.source.telegram;

import dev.afterimage.source.Attachment;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads one {@code div.tgme_widget_message} (of a listing or an embed page) into a {@link SourcePost}.
 *
 * <p>A message is readable when it has a {@code data-post="<channel>/<id>"} of this channel and a date link with a
 * {@code time[datetime]}: every real post has both, so a message missing either means the markup is not understood.
 */
final class MessageReader {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d+");
    private static final Pattern EDITED = Pattern.compile("\\bedited\\b");
    // Queries parsed once: parsing them anew for each message cost as much as matching them.
    private static final Evaluator SERVICE_MESSAGE = QueryParser.parse(".service_message");
    private static final Evaluator VIDEO_SOURCE = QueryParser.parse("video[src]");
    private static final Evaluator BACKGROUND_IMAGE = QueryParser.parse("[style*=background-image]");
    private static final Evaluator PREVIEW_DESCRIPTION = QueryParser.parse(".link_preview_description");
    private static final Evaluator PREVIEW_IMAGE = QueryParser.parse(".link_preview_image, .link_preview_right_image");
    private static final Evaluator FORWARDED_FROM_NAME = QueryParser.parse(".tgme_widget_message_forwarded_from_name");
    private static final Evaluator REACTION = QueryParser.parse(".tgme_reaction");
    private static final Evaluator WRAP = QueryParser.parse(".tgme_widget_message_wrap");
    private static final Evaluator PREVIEW_SITE_NAME = QueryParser.parse(".link_preview_site_name");
    private static final Evaluator PREVIEW_TITLE = QueryParser.parse(".link_preview_title");
    private static final Evaluator DOCUMENT_TITLE = QueryParser.parse(".tgme_widget_message_document_title");
    private static final Evaluator DOCUMENT_EXTRA = QueryParser.parse(".tgme_widget_message_document_extra");

    private final String channel;
    private final TelegramUrls urls;
    private final String baseUri;
    private final PageDocument page;

    MessageReader(String channel, TelegramUrls urls, PageDocument page) {
        this.channel = channel;
        this.urls = urls;
        this.page = page;
        this.baseUri = urls.listing(channel);
    }

    /** Service messages ("channel photo updated" and the like) are not posts. */
    static boolean isServiceMessage(Element message) {
        return message.closest(SERVICE_MESSAGE) != null;
    }

    Optional<SourcePost> read(Element message) {
        Optional<String> id = postId(message);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        MessageParts parts = MessageParts.of(message);
        Optional<Instant> publishedAt = parts.dateTime().flatMap(MessageReader::publishedAt);
        if (publishedAt.isEmpty()) {
            return Optional.empty();
        }
        MessageText text =
                parts.ownText().map(element -> MessageText.of(element, baseUri)).orElse(MessageText.EMPTY);
        List<SourceMedia> media = new ArrayList<>(postMedia(parts.media()));
        parts.linkPreview().flatMap(MessageReader::previewImage).ifPresent(media::add);
        return Optional.of(SourcePost.builder(id.get(), urls.post(channel, id.get()), rawFragment(message))
                .publishedAt(publishedAt.get())
                .text(text.plain(), text.html())
                .edited(parts.meta().filter(MessageReader::isEdited).isPresent())
                .media(media)
                .linkPreview(parts.linkPreview().map(this::linkPreview).orElse(null))
                .attachments(attachments(parts.documents()))
                .forwardedFrom(
                        parts.forwardedFrom().map(MessageReader::forwardedFrom).orElse(null))
                .replyTo(parts.replyLink()
                        .map(reply -> urls.canonicalPostLink(absoluteHref(reply)))
                        .orElse(null))
                .views(parts.views().map(views -> views.text().strip()).orElse(null))
                .reactions(parts.reactions().map(MessageReader::reactions).orElse(""))
                .build());
    }

    /** The id after the slash of {@code data-post}, provided the part before it is this channel. */
    private Optional<String> postId(Element message) {
        String dataPost = message.attr("data-post");
        int slash = dataPost.lastIndexOf('/');
        if (slash < 0 || !dataPost.substring(0, slash).equalsIgnoreCase(channel)) {
            return Optional.empty();
        }
        String id = dataPost.substring(slash + 1);
        return NUMERIC_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static Optional<Instant> publishedAt(Element time) {
        try {
            return Optional.of(OffsetDateTime.parse(time.attr("datetime")).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // The flag is the word "edited" in the meta's own text, so an author signature containing it cannot set it.
    private static boolean isEdited(Element meta) {
        return EDITED.matcher(meta.ownText()).find();
    }

    private static List<SourceMedia> postMedia(List<Element> items) {
        List<SourceMedia> media = new ArrayList<>();
        items.forEach(item -> mediaOf(item).ifPresent(media::add));
        return media;
    }

    /**
     * A photo is its background image; a video is its {@code src}. A video Telegram will not play on the web has no
     * {@code src}, only its still: that still is kept as a PHOTO, because it is the one thing the page showed.
     */
    private static Optional<SourceMedia> mediaOf(Element item) {
        if (item.hasClass("tgme_widget_message_photo_wrap")) {
            return CssUrl.backgroundImage(item.attr("style")).map(url -> new SourceMedia(MediaKind.PHOTO, url));
        }
        Element video = item.selectFirst(VIDEO_SOURCE);
        if (video != null && !video.attr("src").isBlank()) {
            return Optional.of(new SourceMedia(
                    MediaKind.VIDEO, CssUrl.https(video.attr("src").strip())));
        }
        Element still = item.selectFirst(BACKGROUND_IMAGE);
        return still == null
                ? Optional.empty()
                : CssUrl.backgroundImage(still.attr("style")).map(url -> new SourceMedia(MediaKind.PHOTO, url));
    }

    private LinkPreview linkPreview(Element preview) {
        return new LinkPreview(
                absoluteHref(preview),
                textOf(preview, PREVIEW_SITE_NAME).orElse(null),
                textOf(preview, PREVIEW_TITLE).orElse(null),
                Optional.ofNullable(preview.selectFirst(PREVIEW_DESCRIPTION))
                        .map(MessageText::plainOf)
                        .orElse(null));
    }

    private static Optional<SourceMedia> previewImage(Element preview) {
        Element image = preview.selectFirst(PREVIEW_IMAGE);
        return image == null
                ? Optional.empty()
                : CssUrl.backgroundImage(image.attr("style")).map(url -> new SourceMedia(MediaKind.PREVIEW_IMAGE, url));
    }

    private static List<Attachment> attachments(List<Element> documents) {
        return documents.stream()
                .map(document -> new Attachment(
                        textOf(document, DOCUMENT_TITLE).orElse(""),
                        textOf(document, DOCUMENT_EXTRA).orElse("")))
                .toList();
    }

    private static String forwardedFrom(Element forwarded) {
        Element name = forwarded.selectFirst(FORWARDED_FROM_NAME);
        return name != null
                ? name.text().strip()
                : forwarded.text().replaceFirst("^Forwarded from\\s*", "").strip();
    }

    // Each reaction is an emoji (or paid star) and a count; a space between them keeps the counts apart.
    private static String reactions(Element reactions) {
        List<Element> each = reactions.select(REACTION);
        return each.isEmpty()
                ? reactions.text().strip()
                : each.stream().map(reaction -> reaction.text().strip()).collect(Collectors.joining(" "));
    }

    /**
     * The evidence is the message's {@code tgme_widget_message_wrap} (the message element itself on an embed page,
     * which has no wrap), cut out of the response as received.
     */
    private byte[] rawFragment(Element message) {
        Element wrap = message.closest(WRAP);
        return page.receivedBytesOf(wrap != null ? wrap : message);
    }

    // Resolved against the page's canonical listing URL, so a relative href becomes a t.me URL.
    private static String absoluteHref(Element link) {
        String absolute = link.absUrl("href");
        return absolute.isEmpty() ? link.attr("href") : absolute;
    }

    private static Optional<String> textOf(Element scope, Evaluator query) {
        return Optional.ofNullable(scope.selectFirst(query))
                .map(element -> element.text().strip());
    }
}
