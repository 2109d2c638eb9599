package dev.afterimage.source.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.json.RawJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads the VK API's wall answers into posts. Pure functions over the bytes of a response. Shapes as documented for
 * API 5.199: {@code wall.get} answers {@code {"response":{"count":N,"items":[post…]}}}; {@code wall.getById} answers
 * {@code {"response":{"items":[post…]}}} (older versions: {@code {"response":[post…]}}), leaving out posts that do
 * not exist.
 */
final class VkWall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VkWall() {}

    /** What one answer held. */
    sealed interface Read {
        /** @param total the wall's post count VK reports ({@code count}); -1 when it is not said */
        record Posts(List<SourcePost> posts, int total, String ownerId) implements Read {}

        record Unreadable(String why) implements Read {}
    }

    static Read wall(byte[] body) {
        return read(body, true);
    }

    static Read byId(byte[] body) {
        return read(body, false);
    }

    private static Read read(byte[] body, boolean wallGet) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new Read.Unreadable("not JSON: " + e.getMessage());
        }
        Optional<byte[]> responseBytes = RawJson.field(body, "response");
        if (root == null || responseBytes.isEmpty()) {
            return new Read.Unreadable("no \"response\" in the answer");
        }
        JsonNode response = root.get("response");
        List<byte[]> raw;
        JsonNode items;
        if (response.isArray() && !wallGet) {
            items = response;
            raw = RawJson.elementsOf(responseBytes.get()).orElse(List.of());
        } else if (response.path("items").isArray()) {
            items = response.get("items");
            raw = RawJson.arrayElements(responseBytes.get(), "items");
        } else {
            return new Read.Unreadable("the response has no \"items\" array");
        }
        if (raw.size() != items.size()) {
            return new Read.Unreadable("the items could not be sliced from the answer");
        }
        List<SourcePost> posts = new ArrayList<>();
        String ownerId = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.path("id").canConvertToLong() || !item.path("owner_id").canConvertToLong()) {
                return new Read.Unreadable("an item without id or owner_id");
            }
            ownerId = item.get("owner_id").asText();
            posts.add(post(item, raw.get(i)));
        }
        // A pinned post comes first whatever its age; the walker expects newest first.
        posts.sort(SourcePost.NEWEST_FIRST);
        int total =
                response.path("count").canConvertToInt() ? response.get("count").asInt() : -1;
        return new Read.Posts(posts, total, ownerId);
    }

    static String postId(String ownerId, String id) {
        return ownerId + "_" + id;
    }

    private static SourcePost post(JsonNode item, byte[] raw) {
        String id = postId(item.get("owner_id").asText(), item.get("id").asText());
        String text = item.path("text").asText("");
        List<SourceMedia> media = new ArrayList<>(media(item.path("attachments")));
        LinkPreview link = link(item.path("attachments"));
        String forwardedFrom = null;
        StringBuilder html = new StringBuilder(paragraphs(text));
        // A repost shows the reposted post under the owner's words; it is part of what the wall said.
        JsonNode copy = item.path("copy_history").path(0);
        if (copy.isObject() && copy.path("id").canConvertToLong()) {
            forwardedFrom = VkNaming.postUrl(
                    postId(copy.path("owner_id").asText(), copy.get("id").asText()));
            String copied = copy.path("text").asText("");
            if (!copied.isEmpty()) {
                text = text.isEmpty() ? copied : text + "\n\n" + copied;
                html.append("<blockquote>").append(paragraphs(copied)).append("</blockquote>");
            }
            media.addAll(media(copy.path("attachments")));
            if (link == null) {
                link = link(copy.path("attachments"));
            }
        }
        Instant edited = item.path("edited").canConvertToLong()
                ? Instant.ofEpochSecond(item.get("edited").asLong())
                : null;
        return SourcePost.builder(id, VkNaming.postUrl(id), raw)
                .publishedAt(
                        item.path("date").canConvertToLong()
                                ? Instant.ofEpochSecond(item.get("date").asLong())
                                : null)
                .text(text, html.toString())
                .edited(edited != null)
                .media(media)
                .linkPreview(link)
                .forwardedFrom(forwardedFrom)
                .views(
                        item.path("views").path("count").isNumber()
                                ? item.path("views").path("count").asText()
                                : null)
                .reactions(
                        item.path("likes").path("count").isNumber()
                                ? "likes " + item.path("likes").path("count").asText()
                                : "")
                .revision(edited == null ? null : String.valueOf(edited.getEpochSecond()), edited)
                .build();
    }

    private static List<SourceMedia> media(JsonNode attachments) {
        List<SourceMedia> media = new ArrayList<>();
        for (JsonNode attachment : iterable(attachments)) {
            String type = attachment.path("type").asText();
            switch (type) {
                case "photo" ->
                    largestPhoto(attachment.path("photo"))
                            .ifPresent(url -> media.add(new SourceMedia(MediaKind.PHOTO, url)));
                case "video" ->
                    // The video's own file needs a user token; its cover frame is public.
                    largestImage(attachment.path("video").path("image"))
                            .ifPresent(url -> media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, url)));
                default -> {}
            }
        }
        return media;
    }

    /** The original when VK gives it ({@code orig_photo}), else the largest of {@code sizes}. */
    private static Optional<String> largestPhoto(JsonNode photo) {
        if (photo.path("orig_photo").path("url").isTextual()) {
            return Optional.of(photo.path("orig_photo").path("url").asText());
        }
        return largestImage(photo.path("sizes"));
    }

    private static Optional<String> largestImage(JsonNode sizes) {
        return StreamSupport.stream(iterable(sizes).spliterator(), false)
                .filter(size -> size.path("url").isTextual())
                .max(Comparator.comparingLong(size ->
                        size.path("width").asLong(0) * size.path("height").asLong(0)))
                .map(size -> size.path("url").asText());
    }

    private static LinkPreview link(JsonNode attachments) {
        for (JsonNode attachment : iterable(attachments)) {
            JsonNode link = attachment.path("link");
            if (attachment.path("type").asText().equals("link")
                    && link.path("url").isTextual()) {
                return new LinkPreview(
                        link.path("url").asText(),
                        link.path("caption").asText(null),
                        link.path("title").asText(null),
                        link.path("description").asText(null));
            }
        }
        return null;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array.isArray() ? array : List.of();
    }

    private static String paragraphs(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<p>" + escaped.replace("\n", "<br>") + "</p>";
    }
}
