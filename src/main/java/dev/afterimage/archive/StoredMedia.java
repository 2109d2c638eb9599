package dev.afterimage.archive;

import java.util.Optional;

/**
 * A media file safely in the {@link MediaStore}, with what was learnt of it on the way in.
 *
 * @param image the decoded picture's facts
 * @param oversized a picture whose header announced more pixels than the budget, so it was not decoded
 */
public record StoredMedia(
        String sha256,
        String contentType,
        long size,
        Optional<ImageFacts> image,
        Optional<ImageReading.OverBudget> oversized) {

    public StoredMedia(String sha256, String contentType, long size, Optional<ImageFacts> image) {
        this(sha256, contentType, size, image, Optional.empty());
    }

    /** Whatever the file's bytes said: decoded facts, an oversized picture, or nothing. */
    public static StoredMedia of(String sha256, String contentType, long size, ImageReading reading) {
        return switch (reading) {
            case ImageReading.Decoded decoded ->
                new StoredMedia(sha256, contentType, size, Optional.of(decoded.facts()), Optional.empty());
            case ImageReading.OverBudget over ->
                new StoredMedia(sha256, contentType, size, Optional.empty(), Optional.of(over));
            case ImageReading.Unreadable unreadable ->
                new StoredMedia(sha256, contentType, size, Optional.empty(), Optional.empty());
        };
    }
}
