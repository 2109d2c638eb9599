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

/**
 * Reads one {@code div.tgme_widget_message} (of a listing or an embed page) into a {@link SourcePost}.
 *
 * <p>A message is readable when it has a {@code data-post="<channel>/<id>"} of this channel and a date link with a
 * {@code time[datetime]}: every real post has both, so a message missing either means the markup is not understood.
 */
final class MessageReader {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d+");
    private static final Pattern EDITED = Pattern.compile("\\bedited\\b");
    private static final String MEDIA_ITEMS = "a.tgme_widget_message_photo_wrap, a.tgme_widget_message_video_player,"
            + " .tgme_widget_message_roundvideo_player";
    // Blocks that show someone else's content (the quoted parent, the linked page), never the post's own.
    private static final String FOREIGN_BLOCKS = ".tgme_widget_message_reply, .tgme_widget_message_link_preview";

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
        return message.closest(".service_message") != null;
    }

    Optional<SourcePost> read(Element message) {
        Optional<String> id = postId(message);
        Optional<Instant> publishedAt = publishedAt(message);
        if (id.isEmpty() || publishedAt.isEmpty()) {
            return Optional.empty();
        }
        MessageText text = ownText(message)
                .map(element -> MessageText.of(element, baseUri))
                .orElse(MessageText.EMPTY);
        Optional<Element> preview = ownFirst(message, "a.tgme_widget_message_link_preview[href]");
        List<SourceMedia> media = new ArrayList<>(postMedia(message));
        preview.flatMap(MessageReader::previewImage).ifPresent(media::add);
        return Optional.of(SourcePost.builder(id.get(), urls.post(channel, id.get()), rawFragment(message))
                .publishedAt(publishedAt.get())
                .text(text.plain(), text.html())
                .edited(isEdited(message))
                .media(media)
                .linkPreview(preview.map(this::linkPreview).orElse(null))
                .attachments(attachments(message))
                .forwardedFrom(forwardedFrom(message).orElse(null))
                .replyTo(replyTo(message).orElse(null))
                .views(textOf(message, ".tgme_widget_message_views").orElse(null))
                .reactions(reactions(message))
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

    private static Optional<Instant> publishedAt(Element message) {
        Element time = message.selectFirst("a.tgme_widget_message_date time[datetime]");
        if (time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time.attr("datetime")).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Element> ownText(Element message) {
        return message.select(".tgme_widget_message_text.js-message_text").stream()
                .filter(element -> element.closest(FOREIGN_BLOCKS) == null)
                .findFirst();
    }

    // The flag is the word "edited" in the meta's own text, so an author signature containing it cannot set it.
    private static boolean isEdited(Element message) {
        Element meta = message.selectFirst(".tgme_widget_message_meta");
        return meta != null && EDITED.matcher(meta.ownText()).find();
    }

    private static List<SourceMedia> postMedia(Element message) {
        List<SourceMedia> media = new ArrayList<>();
        for (Element item : message.select(MEDIA_ITEMS)) {
            if (item.closest(FOREIGN_BLOCKS) == null) {
                mediaOf(item).ifPresent(media::add);
            }
        }
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
        Element video = item.selectFirst("video[src]");
        if (video != null && !video.attr("src").isBlank()) {
            return Optional.of(new SourceMedia(
                    MediaKind.VIDEO, CssUrl.https(video.attr("src").strip())));
        }
        Element still = item.selectFirst("[style*=background-image]");
        return still == null
                ? Optional.empty()
                : CssUrl.backgroundImage(still.attr("style")).map(url -> new SourceMedia(MediaKind.PHOTO, url));
    }

    private LinkPreview linkPreview(Element preview) {
        return new LinkPreview(
                absoluteHref(preview),
                textOf(preview, ".link_preview_site_name").orElse(null),
                textOf(preview, ".link_preview_title").orElse(null),
                Optional.ofNullable(preview.selectFirst(".link_preview_description"))
                        .map(MessageText::plainOf)
                        .orElse(null));
    }

    private static Optional<SourceMedia> previewImage(Element preview) {
        Element image = preview.selectFirst(".link_preview_image, .link_preview_right_image");
        return image == null
                ? Optional.empty()
                : CssUrl.backgroundImage(image.attr("style")).map(url -> new SourceMedia(MediaKind.PREVIEW_IMAGE, url));
    }

    private static List<Attachment> attachments(Element message) {
        return message.select(".tgme_widget_message_document").stream()
                .filter(document -> document.closest(FOREIGN_BLOCKS) == null)
                .map(document -> new Attachment(
                        textOf(document, ".tgme_widget_message_document_title").orElse(""),
                        textOf(document, ".tgme_widget_message_document_extra").orElse("")))
                .toList();
    }

    private static Optional<String> forwardedFrom(Element message) {
        return ownFirst(message, ".tgme_widget_message_forwarded_from").map(forwarded -> {
            Element name = forwarded.selectFirst(".tgme_widget_message_forwarded_from_name");
            return name != null
                    ? name.text().strip()
                    : forwarded.text().replaceFirst("^Forwarded from\\s*", "").strip();
        });
    }

    private Optional<String> replyTo(Element message) {
        return Optional.ofNullable(message.selectFirst("a.tgme_widget_message_reply[href]"))
                .map(reply -> urls.canonicalPostLink(absoluteHref(reply)));
    }

    // Each reaction is an emoji (or paid star) and a count; a space between them keeps the counts apart.
    private static String reactions(Element message) {
        Element reactions = message.selectFirst(".tgme_widget_message_reactions");
        if (reactions == null) {
            return "";
        }
        List<Element> each = reactions.select(".tgme_reaction");
        return each.isEmpty()
                ? reactions.text().strip()
                : each.stream().map(reaction -> reaction.text().strip()).collect(Collectors.joining(" "));
    }

    /**
     * The evidence is the message's {@code tgme_widget_message_wrap} (the message element itself on an embed page,
     * which has no wrap), cut out of the response as received.
     */
    private byte[] rawFragment(Element message) {
        Element wrap = message.closest(".tgme_widget_message_wrap");
        return page.receivedBytesOf(wrap != null ? wrap : message);
    }

    private static Optional<Element> ownFirst(Element message, String cssQuery) {
        return message.select(cssQuery).stream()
                .filter(element -> element.closest(".tgme_widget_message_reply") == null)
                .findFirst();
    }

    // Resolved against the page's canonical listing URL, so a relative href becomes a t.me URL.
    private static String absoluteHref(Element link) {
        String absolute = link.absUrl("href");
        return absolute.isEmpty() ? link.attr("href") : absolute;
    }

    private static Optional<String> textOf(Element scope, String cssQuery) {
        return Optional.ofNullable(scope.selectFirst(cssQuery))
                .map(element -> element.text().strip());
    }
}
