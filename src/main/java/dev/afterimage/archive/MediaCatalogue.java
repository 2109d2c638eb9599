package dev.afterimage.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finds media already archived, so a poll downloads only what is new. */
@ApplicationScoped
public class MediaCatalogue {

    private final MediaStore store;

    public MediaCatalogue(MediaStore store) {
        this.store = store;
    }

    /** The stored media once downloaded from this URL, if its bytes are still in the store. */
    @Transactional
    public Optional<StoredMedia> byUrl(String url) {
        return MediaSource.mediaFor(url)
                .filter(sha -> store.locate(sha).isPresent())
                .map(sha -> Media.<Media>findById(sha))
                .map(MediaCatalogue::stored);
    }

    private static StoredMedia stored(Media media) {
        Optional<ImageFacts> image = media.perceptualHash == null
                ? Optional.empty()
                : Optional.of(new ImageFacts(media.width, media.height, media.perceptualHash));
        return new StoredMedia(media.sha256, media.contentType, media.sizeBytes, image);
    }
}
