package dev.afterimage.web.api;

import dev.afterimage.match.ReferenceImage;
import dev.afterimage.match.ReferenceSet;
import java.time.Instant;
import java.util.List;

/** A reference set as the API shows it; {@code images} only when one set is asked for. */
public record ReferenceSetView(
        long id, String name, String description, Instant createdAt, long imageCount, List<ImageView> images) {

    /** One picture of a set, with where to get its bytes. */
    public record ImageView(long id, String name, String sha256, String pdqHash, int pdqQuality, String url) {

        static ImageView of(ReferenceImage image) {
            return new ImageView(
                    image.id,
                    image.name,
                    image.sha256,
                    image.pdqHash,
                    image.pdqQuality,
                    "/api/reference-sets/" + image.setId + "/images/" + image.id + "/file");
        }
    }

    static ReferenceSetView of(ReferenceSet set, long imageCount, List<ReferenceImage> images) {
        return new ReferenceSetView(
                set.id,
                set.name,
                set.description,
                set.createdAt,
                imageCount,
                images == null ? null : images.stream().map(ImageView::of).toList());
    }
}
