package dev.afterimage.web.console;

import dev.afterimage.web.replay.ArchivedPostPage.MediaItem;
import dev.afterimage.web.replay.ArchivedPostPage.VersionBlock;
import java.util.List;
import java.util.Optional;

/**
 * The media of two versions side by side, for a diff whose versions differ in their media: a swapped picture is
 * the edit a word diff cannot show.
 *
 * @param before the older version's media, as this instance serves them
 * @param after the newer version's media
 */
public record MediaChange(int from, int to, List<MediaItem> before, List<MediaItem> after) {

    /** Empty when both versions carry the same files (by SHA-256, so a re-download does not count as a change). */
    static Optional<MediaChange> between(List<VersionBlock> versions, int from, int to) {
        List<MediaItem> before = media(versions, from);
        List<MediaItem> after = media(versions, to);
        if (fingerprint(before).equals(fingerprint(after))) {
            return Optional.empty();
        }
        return Optional.of(new MediaChange(from, to, before, after));
    }

    private static List<MediaItem> media(List<VersionBlock> versions, int number) {
        return versions.stream()
                .filter(version -> version.number() == number)
                .findFirst()
                .map(VersionBlock::media)
                .orElse(List.of());
    }

    /** A file not yet downloaded has no hash; its address still tells two versions' files apart. */
    private static List<String> fingerprint(List<MediaItem> media) {
        return media.stream()
                .map(item -> item.missing() ? item.kind() + " " + item.url() : item.sha256())
                .toList();
    }
}
