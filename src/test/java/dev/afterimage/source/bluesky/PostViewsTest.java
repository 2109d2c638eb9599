package dev.afterimage.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Embeds written from the lexicon ({@code app.bsky.embed.*#view}) where no capture shows them. */
class PostViewsTest {

    private static final String URI = "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3lbhxlhgir22m";

    @Test
    void videoIsKeptAsItsPosterFrameSinceThePlaylistIsNoSingleFile() throws Exception {
        SourcePost post = read(
                "{\"$type\":\"app.bsky.embed.video#view\",\"cid\":\"bafkrei\",\"playlist\":"
                        + "\"https://video.bsky.app/watch/x/playlist.m3u8\",\"thumbnail\":\"https://video.bsky.app/watch/x/thumbnail.jpg\"}");

        assertEquals(
                List.of(new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://video.bsky.app/watch/x/thumbnail.jpg")),
                post.media());
    }

    @Test
    void externalLinkIsACardWithItsThumbnail() throws Exception {
        SourcePost post = read(
                "{\"$type\":\"app.bsky.embed.external#view\",\"external\":{\"uri\":\"https://gov.example/"
                        + "statement\",\"title\":\"Statement\",\"description\":\"In full\",\"thumb\":\"https://cdn.bsky.app/t.jpg\"}}");

        assertEquals(
                new LinkPreview("https://gov.example/statement", null, "Statement", "In full"), post.linkPreview());
        assertEquals(List.of(new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://cdn.bsky.app/t.jpg")), post.media());
    }

    @Test
    void quoteWithALinkCardKeepsTheCard() throws Exception {
        SourcePost post = read("{\"$type\":\"app.bsky.embed.recordWithMedia#view\",\"record\":{},\"media\":"
                + "{\"$type\":\"app.bsky.embed.external#view\",\"external\":{\"uri\":\"https://gov.example/\"}}}");

        assertEquals("https://gov.example/", post.linkPreview().url());
        assertEquals(List.of(), post.media());
    }

    @Test
    void viewWithoutAPostUriIsNoPost() throws Exception {
        JsonNode view = new ObjectMapper()
                .readTree("{\"uri\":\"at://did:plc:x/app.bsky.feed.like/3a\",\"cid\":\"b\","
                        + "\"record\":{\"text\":\"\"}}");

        assertEquals(Optional.empty(), PostViews.read("ministry.bsky.social", view, new byte[0]));
    }

    private static SourcePost read(String embed) throws Exception {
        String json = "{\"uri\":\"" + URI + "\",\"cid\":\"bafyrei1\",\"record\":{\"text\":\"Statement\","
                + "\"createdAt\":\"2026-11-20T10:00:00.000Z\"},\"embed\":" + embed
                + ",\"indexedAt\":\"2026-11-20T10:00:01.000Z\"}";
        return PostViews.read(
                        "ministry.bsky.social",
                        new ObjectMapper().readTree(json),
                        json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }
}
