package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an AppView {@code app.bsky.feed.defs#postView} into a {@link SourcePost}. The record key is the post's id
 * within the account and the CID its revision: a record rewritten under the same key gets a new CID.
 */
final class PostViews {

    static final String POST_COLLECTION = "app.bsky.feed.post";

    private PostViews() {}

    /**
     * @param account the handle or DID the account is watched under, which the canonical URL names
     * @param raw the post view's JSON exactly as received
     * @return empty when the view is not a post of the expected shape
     */
    static Optional<SourcePost> read(String account, JsonNode view, byte[] raw) {
        Optional<String> recordKey = recordKey(view.path("uri").asText(""));
        JsonNode record = view.path("record");
        if (recordKey.isEmpty() || !record.isObject() || !view.path("cid").isTextual()) {
            return Optional.empty();
        }
        String text = record.path("text").asText("");
        List<SourceMedia> media = new ArrayList<>();
        LinkPreview preview = embed(view.path("embed"), media);
        return Optional.of(SourcePost.builder(recordKey.get(), BlueskyNaming.postUrl(account, recordKey.get()), raw)
                .publishedAt(instant(record.path("createdAt").asText(null)))
                .text(text, RichText.html(text, record.path("facets")))
                .media(media)
                .linkPreview(preview)
                .replyTo(replyTo(record))
                .reactions(counts(view))
                .revision(
                        view.path("cid").asText(),
                        instant(view.path("indexedAt").asText(null)))
                .build());
    }

    /** The record key of an {@code at://<did>/app.bsky.feed.post/<rkey>} URI. */
    static Optional<String> recordKey(String atUri) {
        return PostUrls.canonicalise(atUri).map(CanonicalPostUrl::postId);
    }

    /** Collects the embed's media; returns its link card, if it is one. */
    private static LinkPreview embed(JsonNode embed, List<SourceMedia> media) {
        switch (embed.path("$type").asText("")) {
            case "app.bsky.embed.images#view" -> {
                for (JsonNode image : embed.path("images")) {
                    String fullsize = image.path("fullsize").asText(null);
                    if (fullsize != null) {
                        media.add(new SourceMedia(MediaKind.PHOTO, fullsize));
                    }
                }
                return null;
            }
            case "app.bsky.embed.external#view" -> {
                JsonNode external = embed.path("external");
                String thumb = external.path("thumb").asText(null);
                if (thumb != null) {
                    media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, thumb));
                }
                String uri = external.path("uri").asText(null);
                return uri == null
                        ? null
                        : new LinkPreview(
                                uri,
                                null,
                                external.path("title").asText(null),
                                external.path("description").asText(null));
            }
            // The video itself is an HLS playlist of segments, which a single download cannot archive: its poster
            // frame is kept so that a swapped video still shows as a media change.
            case "app.bsky.embed.video#view" -> {
                String thumbnail = embed.path("thumbnail").asText(null);
                if (thumbnail != null) {
                    media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, thumbnail));
                }
                return null;
            }
            case "app.bsky.embed.recordWithMedia#view" -> {
                return embed(embed.path("media"), media);
            }
            default -> {
                return null;
            }
        }
    }

    private static String replyTo(JsonNode record) {
        String parent = record.path("reply").path("parent").path("uri").asText(null);
        return parent == null
                ? null
                : PostUrls.canonicalise(parent).map(CanonicalPostUrl::url).orElse(null);
    }

    private static String counts(JsonNode view) {
        return view.path("likeCount").asLong(0) + " likes, "
                + view.path("repostCount").asLong(0) + " reposts, "
                + view.path("replyCount").asLong(0) + " replies";
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
