package dev.afterimage.source.vk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VK wall answers read into posts (fixtures in src/test/resources/source/vk, see its README). */
class VkWallTest {

    private static byte[] fixture(String name) {
        try (InputStream in = VkWallTest.class.getResourceAsStream("/source/vk/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<SourcePost> wall() {
        return assertInstanceOf(VkWall.Read.Posts.class, VkWall.wall(fixture("wall-get-community.json")))
                .posts();
    }

    private static SourcePost post(String id) {
        return wall().stream()
                .filter(post -> post.platformPostId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void postsAreNewestFirstWithThePinnedOldPostLast() {
        List<String> ids = wall().stream().map(SourcePost::platformPostId).toList();

        assertEquals(List.of("-1000001_14", "-1000001_13", "-1000001_12", "-1000001_11", "-1000001_10"), ids);
        assertEquals("https://vk.com/wall-1000001_14", post("-1000001_14").url());
    }

    @Test
    void photoIsTakenAtItsOriginalSize() {
        assertEquals(
                List.of(new SourceMedia(MediaKind.PHOTO, "https://sun9-1.userapi.com/orig.jpg")),
                post("-1000001_14").media());
    }

    @Test
    void videoIsArchivedAsItsLargestCoverFrame() {
        assertEquals(
                List.of(new SourceMedia(MediaKind.PREVIEW_IMAGE, "https://sun9-2.userapi.com/v1280.jpg")),
                post("-1000001_13").media());
    }

    @Test
    void editedPostCarriesItsEditTimeAsRevision() {
        SourcePost edited = post("-1000001_14");

        assertTrue(edited.edited());
        assertEquals(Instant.ofEpochSecond(1764843600), edited.versionAt());
        assertEquals("1764843600", edited.revision());
        assertEquals(Instant.ofEpochSecond(1764840000), edited.publishedAt());
        assertFalse(post("-1000001_13").edited());
        assertNull(post("-1000001_13").revision());
    }

    @Test
    void repostKeepsTheRepostedPostItsTextAndItsLargestPhoto() {
        SourcePost repost = post("-1000001_12");

        assertEquals("https://vk.com/wall-2000002_555", repost.forwardedFrom());
        assertEquals("Read this\n\nThe original statement", repost.text());
        assertEquals(List.of(new SourceMedia(MediaKind.PHOTO, "https://sun9-3.userapi.com/y.jpg")), repost.media());
    }

    @Test
    void linkAttachmentIsTheLinkPreview() {
        SourcePost linked = post("-1000001_11");

        assertEquals("https://example.org/news/1", linked.linkPreview().url());
        assertEquals("News 1", linked.linkPreview().title());
    }

    @Test
    void eachPostKeepsItsOwnBytesAsEvidence() {
        String raw = new String(post("-1000001_13").rawFragment(), StandardCharsets.UTF_8);

        assertTrue(raw.startsWith("{\"id\":13,"), raw);
        assertTrue(raw.endsWith("]}}]}"), raw);
    }

    @Test
    void wallGetByIdAnswersAreReadInBothShapes() {
        VkWall.Read.Posts legacy =
                assertInstanceOf(VkWall.Read.Posts.class, VkWall.byId(fixture("wall-getbyid-legacy-array.json")));
        VkWall.Read.Posts current = assertInstanceOf(
                VkWall.Read.Posts.class,
                VkWall.byId("{\"response\":{\"items\":[],\"profiles\":[],\"groups\":[]}}"
                        .getBytes(StandardCharsets.UTF_8)));

        assertEquals(
                List.of("-1000001_14"),
                legacy.posts().stream().map(SourcePost::platformPostId).toList());
        assertEquals(List.of(), current.posts());
    }

    @Test
    void anErrorAnswerIsNotAnEmptyWall() {
        byte[] error = fixture("error-too-many-requests.json");

        assertInstanceOf(VkWall.Read.Unreadable.class, VkWall.wall(error));
        assertEquals(6, VkError.in(error).orElseThrow().code());
    }
}
