package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservedPostTest {

    private static final Instant SEEN = Instant.parse("2026-12-07T12:00:00Z");
    private static final SourceMedia PHOTO = new SourceMedia(MediaKind.PHOTO, "https://cdn.example/photo.jpg");
    private static final String PHOTO_SHA256 = Sha256.of("photo".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSightingIsHashedOnItsTextAndItsMediaAsStored() {
        SourcePost post = post("the statement");
        ObservedPost stored = seen(post, Optional.of(new StoredMedia(PHOTO_SHA256, "image/jpeg", 5, Optional.empty())));
        ObservedPost owed = seen(post, Optional.empty());

        assertEquals(NormalisedContent.hash(post, List.of(PHOTO_SHA256)), stored.contentHash());
        assertEquals(NormalisedContent.hash(post, Arrays.asList((String) null)), owed.contentHash());
        assertNotEquals(stored.contentHash(), owed.contentHash(), "a picture still owed is not the picture");
        assertNotEquals(
                stored.contentHash(),
                seen(post("another statement"), Optional.empty()).contentHash());
    }

    @Test
    void otherEarlierVersionsKeepTheSightingAndItsHash() {
        ObservedPost seen = seen(post("the statement"), Optional.empty());
        ObservedPost earlier = seen(post("the first statement"), Optional.empty());

        ObservedPost withHistory = seen.withEarlierVersions(List.of(earlier));

        assertEquals(List.of(earlier), withHistory.earlierVersions());
        assertSame(seen.post(), withHistory.post());
        assertEquals(seen.media(), withHistory.media());
        assertEquals(seen.contentHash(), withHistory.contentHash());
        assertEquals(seen, withHistory.withEarlierVersions(List.of()));
    }

    private static SourcePost post(String text) {
        return SourcePost.builder("7", "https://t.me/channel/7", new byte[0])
                .publishedAt(SEEN)
                .text(text, text)
                .media(List.of(PHOTO))
                .build();
    }

    private static ObservedPost seen(SourcePost post, Optional<StoredMedia> photo) {
        return new ObservedPost(
                post, List.of(new ObservedMedia(PHOTO, photo)), "https://t.me/s/channel", SEEN, null, List.of());
    }
}
