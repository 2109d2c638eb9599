package dev.afterimage.watch;

import dev.afterimage.archive.ArchiveConfig;
import dev.afterimage.archive.ImageFacts;
import dev.afterimage.archive.ImageReading;
import dev.afterimage.archive.MediaCatalogue;
import dev.afterimage.archive.MediaStore;
import dev.afterimage.archive.ObservedMedia;
import dev.afterimage.archive.StoredMedia;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.http.DownloadOutcome;
import dev.afterimage.source.http.Exchange;
import dev.afterimage.source.http.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Gets each media item of a post into the store: from the catalogue when its URL was downloaded before,
 * else by downloading it. A failed download is recorded as owed, never as a change.
 */
@ApplicationScoped
class MediaCollector {

    private static final Logger LOG = Logger.getLogger(MediaCollector.class);

    private final MediaCatalogue catalogue;
    private final MediaStore store;
    private final WebClient web;
    private final Clock clock;
    private final long pixelBudget;

    MediaCollector(MediaCatalogue catalogue, MediaStore store, WebClient web, Clock clock, ArchiveConfig config) {
        this.catalogue = catalogue;
        this.store = store;
        this.web = web;
        this.clock = clock;
        this.pixelBudget = config.imagePixelBudget();
    }

    /** Result of collecting one item, and whether it took a download. */
    record Collected(ObservedMedia media, boolean downloaded, boolean failed) {}

    Collected collect(SourceMedia media) {
        Optional<StoredMedia> known = catalogue.byUrl(media.url());
        if (known.isPresent()) {
            return new Collected(new ObservedMedia(media, known), false, false);
        }
        try {
            DownloadOutcome outcome = web.download(media.url(), store.incomingDir());
            return switch (outcome) {
                case DownloadOutcome.Downloaded file -> {
                    ImageReading image = isImage(file.contentType())
                            ? ImageFacts.read(file.file(), pixelBudget)
                            : new ImageReading.Unreadable();
                    store.put(file.sha256(), file.file());
                    StoredMedia stored =
                            StoredMedia.of(file.sha256(), contentType(file.contentType()), file.size(), image);
                    yield registered(stored, media, file.exchange())
                            ? new Collected(new ObservedMedia(media, Optional.of(stored)), true, false)
                            : new Collected(new ObservedMedia(media, Optional.empty()), false, true);
                }
                case DownloadOutcome.Failed failed -> {
                    LOG.debugf("media not downloaded, owed to a later poll: %s (%s)", media.url(), failed.reason());
                    yield new Collected(new ObservedMedia(media, Optional.empty()), false, true);
                }
            };
        } catch (IOException e) {
            LOG.warnf(e, "media store could not take %s", media.url());
            return new Collected(new ObservedMedia(media, Optional.empty()), false, true);
        }
    }

    /** A conflict means another poll registered the same file first, which is as good; anything else is owed. */
    private boolean registered(StoredMedia stored, SourceMedia media, Exchange exchange) {
        try {
            catalogue.register(stored, media.url(), exchange, clock.instant());
            return true;
        } catch (RuntimeException e) {
            if (catalogue.isRegistered(stored.sha256())) {
                return true;
            }
            LOG.warnf(e, "media %s from %s could not be recorded; owed to a later poll", stored.sha256(), media.url());
            return false;
        }
    }

    private static boolean isImage(String contentType) {
        return contentType == null
                || contentType.startsWith("image/")
                || contentType.equals("application/octet-stream");
    }

    private static String contentType(String contentType) {
        return contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
