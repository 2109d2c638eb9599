package dev.afterimage.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.afterimage.source.Attachment;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Mastodon's Status entity, and the StatusEdit entities of its edit history, into posts. Both go through the
 * same mapping so that the newest history entry and the status it describes hash the same.
 *
 * <p>Media: {@code image} is a photo; {@code video}, {@code gifv} (a silent looping video) and {@code audio} are
 * kept as videos, since their bytes are what matters and the archive has no audio kind; {@code unknown} (a remote
 * file the instance could not process) is left out, as it has no kind to compare by. A link card adds its image
 * after the attachments, as a preview image.
 */
final class StatusReader {

    private final MastodonHandle account;

    StatusReader(MastodonHandle account) {
        this.account = account;
    }

    /** A status is not what was expected: the answer proves nothing. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The status as it stands now.
     *
     * @param raw the status's JSON object exactly as received
     */
    SourcePost status(JsonNode status, byte[] raw) throws Unreadable {
        String id = requiredText(status, "id");
        Instant createdAt = time(status, "created_at");
        Instant editedAt = optionalTime(status, "edited_at");
        JsonNode reblog = status.path("reblog");
        if (reblog.isObject()) {
            // A boost shows another account's post; what this account did is share it, so that is what is kept.
            String from = "@" + requiredText(reblog.path("account"), "acct");
            return post(id, createdAt, reblog, reblog, raw, editedAt != null, from)
                    .withRevision(revisionOf(optionalTime(reblog, "edited_at")), createdAt);
        }
        return post(id, createdAt, status, status, raw, editedAt != null, null)
                .withRevision(revisionOf(editedAt), editedAt != null ? editedAt : createdAt);
    }

    /**
     * The versions of a status before its current one, oldest first, from its edit history (oldest first, the
     * last entry being the current version). The history lacks the link card and the reply: they are the status's.
     */
    List<SourcePost> earlierVersions(JsonNode status, List<JsonItems.Item> history) throws Unreadable {
        String id = requiredText(status, "id");
        Instant createdAt = time(status, "created_at");
        List<SourcePost> earlier = new ArrayList<>();
        for (int i = 0; i < history.size() - 1; i++) {
            JsonItems.Item entry = history.get(i);
            Instant madeAt = time(entry.node(), "created_at");
            // The first entry is the post as published, which had no edited_at and so no revision.
            String revision = i == 0 ? null : revisionOf(madeAt);
            earlier.add(post(id, createdAt, entry.node(), status, entry.raw(), i > 0, null)
                    .withRevision(revision, madeAt));
        }
        return earlier;
    }

    /** An edit's time written one way, whichever fraction digits the instance sent, or null for none. */
    static String revisionOf(Instant editedAt) {
        return editedAt == null ? null : editedAt.toString();
    }

    /**
     * @param shape the object holding the text, media and poll (the status, its boosted status, or a history entry)
     * @param context the object holding the card and the reply (the status, or the boosted status)
     */
    private SourcePost post(
            String id,
            Instant publishedAt,
            JsonNode shape,
            JsonNode context,
            byte[] raw,
            boolean edited,
            String forwardedFrom)
            throws Unreadable {
        if (!shape.path("content").isTextual()) {
            throw new Unreadable("status " + id + " has no content");
        }
        StatusText text = StatusText.of(
                shape.path("content").asText(), shape.path("spoiler_text").asText(""), account.accountUrl());
        List<SourceMedia> media = new ArrayList<>(media(shape.path("media_attachments")));
        LinkPreview card = card(context.path("card"));
        JsonNode cardImage = context.path("card").path("image");
        if (card != null && cardImage.isTextual() && !cardImage.asText().isBlank()) {
            media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, cardImage.asText()));
        }
        return SourcePost.builder(id, account.postUrl(id), raw)
                .publishedAt(publishedAt)
                .text(text.plain(), text.html())
                .edited(edited)
                .media(media)
                .linkPreview(card)
                .attachments(pollOptions(shape.path("poll"), context.path("poll")))
                .forwardedFrom(forwardedFrom)
                .replyTo(replyTo(context))
                .reactions(reactions(context))
                .build();
    }

    private static List<SourceMedia> media(JsonNode attachments) {
        List<SourceMedia> media = new ArrayList<>();
        for (JsonNode attachment : attachments) {
            Optional<MediaKind> kind =
                    switch (attachment.path("type").asText("")) {
                        case "image" -> Optional.of(MediaKind.PHOTO);
                        case "video", "gifv", "audio" -> Optional.of(MediaKind.VIDEO);
                        default -> Optional.empty();
                    };
            // url is the instance's copy; remote_url is the origin's, the only one while the copy is not made.
            String url = attachment.path("url").isTextual()
                    ? attachment.path("url").asText()
                    : attachment.path("remote_url").asText(null);
            if (kind.isPresent() && url != null && !url.isBlank()) {
                media.add(new SourceMedia(kind.get(), url));
            }
        }
        return media;
    }

    private static LinkPreview card(JsonNode card) {
        if (!card.isObject() || !card.path("url").isTextual()) {
            return null;
        }
        return new LinkPreview(
                card.path("url").asText(),
                blankToNull(card.path("provider_name").asText(null)),
                blankToNull(card.path("title").asText(null)),
                blankToNull(card.path("description").asText(null)));
    }

    /**
     * A poll's options are part of what was said; its counts change by themselves, so they go in the part that is
     * not compared. A history entry's poll has options only; the counts are the status's.
     */
    private static List<Attachment> pollOptions(JsonNode poll, JsonNode currentPoll) {
        List<Attachment> options = new ArrayList<>();
        JsonNode current = currentPoll.path("options");
        int index = 0;
        for (JsonNode option : poll.path("options")) {
            JsonNode votes = option.has("votes_count")
                    ? option.path("votes_count")
                    : current.path(index).path("votes_count");
            options.add(new Attachment(
                    "Poll option: " + option.path("title").asText(""),
                    votes.isNumber() ? votes.asLong() + " votes" : null));
            index++;
        }
        return options;
    }

    /** The public URL of the post replied to, on this instance; by id alone when the other account is not named. */
    private String replyTo(JsonNode status) {
        String parentId = status.path("in_reply_to_id").asText(null);
        if (parentId == null || !parentId.matches("[1-9][0-9]*")) {
            return null;
        }
        String parentAccount = status.path("in_reply_to_account_id").asText("");
        String acct = null;
        if (parentAccount.equals(status.path("account").path("id").asText())) {
            acct = status.path("account").path("acct").asText(null);
        }
        for (JsonNode mention : status.path("mentions")) {
            if (acct == null && parentAccount.equals(mention.path("id").asText())) {
                acct = mention.path("acct").asText(null);
            }
        }
        return acct == null
                ? "https://" + account.instance() + "/web/statuses/" + parentId
                : "https://" + account.instance() + "/@" + acct.toLowerCase(Locale.ROOT) + "/" + parentId;
    }

    private static String reactions(JsonNode status) {
        return status.path("replies_count").asLong() + " replies, "
                + status.path("reblogs_count").asLong() + " boosts, "
                + status.path("favourites_count").asLong() + " favourites";
    }

    private static String requiredText(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Unreadable("no \"" + field + "\" in " + abbreviated(node));
        }
        return value.asText();
    }

    private static Instant time(JsonNode node, String field) throws Unreadable {
        Instant time = optionalTime(node, field);
        if (time == null) {
            throw new Unreadable("no \"" + field + "\" in " + abbreviated(node));
        }
        return time;
    }

    private static Instant optionalTime(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new Unreadable("\"" + field + "\" is not a time: " + value.asText());
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
