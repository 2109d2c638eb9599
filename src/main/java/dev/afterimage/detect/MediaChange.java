package dev.afterimage.detect;

import dev.afterimage.archive.ImageFacts;
import dev.afterimage.archive.Media;
import dev.afterimage.archive.ObservedMedia;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.source.MediaKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the photos and videos a post shows changed in a way a reader would notice. A picture whose bytes
 * changed but whose perceptual hash barely moved is the CDN re-encoding it, not the author swapping it; a
 * download that failed on either side proves nothing.
 */
final class MediaChange {

    private MediaChange() {}

    static boolean noticeable(List<VersionMedia> before, List<ObservedMedia> after, int sameImageMaxDistance) {
        return noticeable(before, after, sameImageMaxDistance, MediaChange::archivedDHash);
    }

    /**
     * The same judgement, with the archived images' perceptual hashes read through {@code archivedDHash} (a media
     * SHA-256 → its dHash, empty when the archive has none), so it needs no database.
     */
    static boolean noticeable(
            List<VersionMedia> before,
            List<ObservedMedia> after,
            int sameImageMaxDistance,
            Function<String, Optional<Long>> archivedDHash) {
        List<VersionMedia> shownBefore =
                before.stream().filter(m -> isShown(m.kind)).toList();
        List<ObservedMedia> shownAfter =
                after.stream().filter(m -> isShown(m.source().kind())).toList();
        if (shownBefore.size() != shownAfter.size()) {
            return true;
        }
        for (int i = 0; i < shownBefore.size(); i++) {
            VersionMedia old = shownBefore.get(i);
            ObservedMedia now = shownAfter.get(i);
            if (old.kind != now.source().kind()) {
                return true;
            }
            if (old.mediaSha256 == null
                    || now.stored().isEmpty()
                    || old.mediaSha256.equals(now.sha256().orElseThrow())) {
                continue;
            }
            if (!sameImage(archivedDHash.apply(old.mediaSha256), now, sameImageMaxDistance)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShown(MediaKind kind) {
        return kind == MediaKind.PHOTO || kind == MediaKind.VIDEO;
    }

    private static boolean sameImage(Optional<Long> oldDHash, ObservedMedia now, int maxDistance) {
        Optional<ImageFacts> facts = now.stored().flatMap(stored -> stored.image());
        if (oldDHash.isEmpty() || facts.isEmpty()) {
            return false;
        }
        return ImageFacts.distance(oldDHash.get(), facts.get().dHash()) <= maxDistance;
    }

    private static Optional<Long> archivedDHash(String sha256) {
        Media media = Media.findById(sha256);
        return media == null ? Optional.empty() : Optional.ofNullable(media.perceptualHash);
    }
}
