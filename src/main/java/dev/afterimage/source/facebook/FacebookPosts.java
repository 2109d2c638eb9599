package dev.afterimage.source.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.json.RawJson;
import dev.afterimage.source.text.HtmlText;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Page posts as the Graph API lists them ({@code /<page>/posts}), read into posts. */
final class FacebookPosts {

    /**
     * Light on purpose: a listing that also asked for reaction and comment summaries was seen to drop an existing
     * post silently, which would read as a deletion.
     */
    static final String FIELDS = "id,message,story,created_time,updated_time,permalink_url,full_picture,"
            + "attachments{media_type,media,url,unshimmed_url,title,description,target,subattachments}";

    /** Graph times carry an offset without a colon: {@code 2026-08-03T13:21:53+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** Attachments that are a shared link: their picture is the link card's, not a photo of the post. */
    private static final Set<String> LINK_TYPES = Set.of("share", "link", "native_templates");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FacebookPosts() {}

    /** One page of a listing. */
    sealed interface Listing {
        record Page(List<SourcePost> posts, Optional<String> afterCursor) implements Listing {}

        record Unreadable(String why) implements Listing {}
    }

    static Listing listing(byte[] body, String page) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return new Listing.Unreadable("the listing is not JSON");
        }
        if (answer == null || !answer.path("data").isArray()) {
            return new Listing.Unreadable("the listing has no data array");
        }
        JsonNode data = answer.get("data");
        List<byte[]> raws = RawJson.arrayElements(body, "data");
        if (raws.size() != data.size()) {
            return new Listing.Unreadable("the listing's posts could not be cut out of the answer");
        }
        List<SourcePost> posts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            Optional<SourcePost> post = post(item, page, raws.get(i));
            if (post.isEmpty()) {
                return new Listing.Unreadable("a post without a readable id or time: " + item);
            }
            posts.add(post.get());
        }
        JsonNode paging = answer.path("paging");
        JsonNode after = paging.path("cursors").path("after");
        // Facebook hands out an after cursor on the last page too; only "next" says there is more.
        Optional<String> cursor =
                paging.hasNonNull("next") && after.isTextual() ? Optional.of(after.asText()) : Optional.empty();
        return new Listing.Page(posts, cursor);
    }

    /** Whether a body is a Graph object with an id, as the page and each post answer when they are there. */
    static boolean hasId(byte[] body) {
        try {
            JsonNode answer = JSON.readTree(body);
            return answer != null && answer.path("id").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** One post object; empty when it lacks an id or a creation time. */
    static Optional<SourcePost> post(JsonNode item, String page, byte[] raw) {
        if (!item.path("id").isTextual()) {
            return Optional.empty();
        }
        Optional<Instant> created = time(item.path("created_time"));
        if (created.isEmpty()) {
            return Optional.empty();
        }
        String id = item.get("id").asText();
        String text = item.hasNonNull("message")
                ? item.get("message").asText()
                : item.path("story").asText("");
        List<SourceMedia> media = new ArrayList<>();
        LinkPreview preview = null;
        for (JsonNode attachment : item.path("attachments").path("data")) {
            JsonNode parts = attachment.path("subattachments").path("data");
            for (JsonNode part : parts.isArray() && !parts.isEmpty() ? parts : List.of(attachment)) {
                boolean link = LINK_TYPES.contains(part.path("media_type").asText());
                media(part, link).ifPresent(media::add);
                if (link && preview == null) {
                    preview = linkPreview(part);
                }
            }
        }
        if (media.isEmpty() && preview == null && item.hasNonNull("full_picture")) {
            media.add(new SourceMedia(MediaKind.PHOTO, item.get("full_picture").asText()));
        }
        // Facebook flags no edit; updated_time says when the post last changed (comments move it too).
        return Optional.of(SourcePost.builder(id, url(item, page, id), raw)
                .publishedAt(created.get())
                .text(text, HtmlText.htmlOfLines(text))
                .media(media)
                .linkPreview(preview)
                .revision(null, time(item.path("updated_time")).orElse(null))
                .build());
    }

    /**
     * The canonical URL of the post's own {@code permalink_url}, which is what a person pastes; built from the id
     * only when the API gave no permalink Afterimage can read.
     */
    static String url(JsonNode item, String page, String id) {
        return Optional.ofNullable(item.path("permalink_url").textValue())
                .flatMap(PostUrls::canonicalise)
                .filter(canonical -> canonical.platform().equals("facebook"))
                .map(CanonicalPostUrl::url)
                .orElseGet(() -> FacebookNaming.postUrl(page, id));
    }

    private static Optional<SourceMedia> media(JsonNode part, boolean link) {
        JsonNode media = part.path("media");
        if (media.hasNonNull("source")) {
            return Optional.of(
                    new SourceMedia(MediaKind.VIDEO, media.get("source").asText()));
        }
        JsonNode image = media.path("image").path("src");
        if (!image.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new SourceMedia(link ? MediaKind.PREVIEW_IMAGE : MediaKind.PHOTO, image.asText()));
    }

    private static LinkPreview linkPreview(JsonNode part) {
        String url = Optional.ofNullable(part.path("unshimmed_url").textValue())
                .orElse(part.path("url").textValue());
        return url == null
                ? null
                : new LinkPreview(
                        url,
                        null,
                        part.path("title").textValue(),
                        part.path("description").textValue());
    }

    private static Optional<Instant> time(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText(), GRAPH_TIME).toInstant());
        } catch (DateTimeParseException notGraphForm) {
            try {
                return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
