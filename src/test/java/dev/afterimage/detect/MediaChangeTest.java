package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.archive.ImageFacts;
import dev.afterimage.archive.ObservedMedia;
import dev.afterimage.archive.StoredMedia;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MediaChangeTest {

    private static final int MAX_DISTANCE = 6;
    private static final long ARCHIVED_DHASH = 0x0F0F_0F0F_0F0F_0F0FL;
    private static final Function<String, Optional<Long>> ARCHIVE =
            sha -> Optional.ofNullable(Map.of("old", ARCHIVED_DHASH).get(sha));

    @Test
    void theSameBytesAreNoChange() {
        assertFalse(noticeable(List.of(archived(MediaKind.PHOTO, "old")), List.of(photo("old", ARCHIVED_DHASH))));
    }

    @Test
    void newBytesOfAlmostTheSamePictureAreAReEncodeNotAChange() {
        assertFalse(
                noticeable(List.of(archived(MediaKind.PHOTO, "old")), List.of(photo("new", ARCHIVED_DHASH ^ 0b111))));
    }

    @Test
    void aDifferentPictureIsAChange() {
        assertTrue(noticeable(List.of(archived(MediaKind.PHOTO, "old")), List.of(photo("new", ~ARCHIVED_DHASH))));
    }

    @Test
    void newBytesWithoutAnArchivedPerceptualHashAreAChange() {
        assertTrue(noticeable(List.of(archived(MediaKind.PHOTO, "unhashed")), List.of(photo("new", ARCHIVED_DHASH))));
    }

    @Test
    void aFailedDownloadOnEitherSideProvesNothing() {
        assertFalse(noticeable(List.of(archived(MediaKind.PHOTO, null)), List.of(photo("new", ~ARCHIVED_DHASH))));
        assertFalse(noticeable(
                List.of(archived(MediaKind.PHOTO, "old")),
                List.of(new ObservedMedia(new SourceMedia(MediaKind.PHOTO, "https://cdn/1"), Optional.empty()))));
    }

    @Test
    void aPictureAddedRemovedOrTurnedIntoAVideoIsAChange() {
        assertTrue(noticeable(List.of(), List.of(photo("new", ARCHIVED_DHASH))));
        assertTrue(noticeable(List.of(archived(MediaKind.PHOTO, "old")), List.of()));
        assertTrue(noticeable(
                List.of(archived(MediaKind.PHOTO, "old")),
                List.of(new ObservedMedia(new SourceMedia(MediaKind.VIDEO, "https://cdn/1"), Optional.empty()))));
    }

    private static boolean noticeable(List<VersionMedia> before, List<ObservedMedia> after) {
        return MediaChange.noticeable(before, after, MAX_DISTANCE, ARCHIVE);
    }

    private static VersionMedia archived(MediaKind kind, String sha256) {
        VersionMedia link = new VersionMedia();
        link.kind = kind;
        link.mediaSha256 = sha256;
        return link;
    }

    private static ObservedMedia photo(String sha256, long dHash) {
        StoredMedia stored =
                new StoredMedia(sha256, "image/jpeg", 100, Optional.of(new ImageFacts(10, 10, dHash, null)));
        return new ObservedMedia(new SourceMedia(MediaKind.PHOTO, "https://cdn/1"), Optional.of(stored));
    }
}
