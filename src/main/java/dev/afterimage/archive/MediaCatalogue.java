package dev.afterimage.archive;

import dev.afterimage.source.http.Exchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Finds media already archived, so a poll downloads only what is new. */
@ApplicationScoped
public class MediaCatalogue {

    private final MediaStore store;
    private final EvidenceChain chain;

    public MediaCatalogue(MediaStore store, EvidenceChain chain) {
        this.store = store;
        this.chain = chain;
    }

    /** The stored media once downloaded from this URL, if its bytes are still in the store. */
    @Transactional
    public Optional<StoredMedia> byUrl(String url) {
        return MediaSource.mediaFor(url)
                .filter(sha -> store.locate(sha).isPresent())
                .map(sha -> Media.<Media>findById(sha))
                .map(MediaCatalogue::stored);
    }

    /**
     * Records stored media and the URL it came from, in a transaction of its own: these rows are facts that never
     * change, so they are committed at once, and a conflict with another poll recording the same file cannot roll
     * back a poll's posts and events.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void register(StoredMedia stored, String url, Exchange exchange, Instant now) {
        Capture.ofMedia(exchange, stored.sha256());
        if (Media.findById(stored.sha256()) == null) {
            Media media = new Media();
            media.sha256 = stored.sha256();
            media.contentType = stored.contentType();
            media.sizeBytes = stored.size();
            stored.image().ifPresent(image -> {
                media.width = image.width();
                media.height = image.height();
                media.perceptualHash = image.dHash();
            });
            stored.oversized().ifPresent(oversized -> {
                media.width = oversized.width();
                media.height = oversized.height();
                media.imageNote = oversized.note();
            });
            media.firstSeenAt = now;
            media.persist();
            chain.appendMedia(media);
        }
        if (MediaSource.mediaFor(url).filter(stored.sha256()::equals).isEmpty()) {
            MediaSource source = new MediaSource();
            source.mediaSha256 = stored.sha256();
            source.url = url;
            source.urlSha256 = Sha256.ofText(url);
            source.firstSeenAt = now;
            source.persist();
        }
    }

    /** Whether the media row exists: after a conflicting {@link #register}, it tells a lost race from a failure. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isRegistered(String sha256) {
        return Media.findById(sha256) != null;
    }

    private static StoredMedia stored(Media media) {
        Optional<ImageFacts> image = media.perceptualHash == null
                ? Optional.empty()
                : Optional.of(new ImageFacts(media.width, media.height, media.perceptualHash));
        return new StoredMedia(media.sha256, media.contentType, media.sizeBytes, image);
    }
}
