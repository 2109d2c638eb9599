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
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Gets each media item of a post into the store: from the catalogue when its URL was downloaded before,
 * else by downloading it. A failed download is recorded as owed, never as a change, and its URL backs off
 * (1 min, 10 min, 1 h, 1 day by default) until it succeeds or fails for too long.
 */
@ApplicationScoped
class MediaCollector {

    private static final Logger LOG = Logger.getLogger(MediaCollector.class);

    /** {@code media.content_type} is VARCHAR(255). */
    private static final int MAX_CONTENT_TYPE_CHARS = 255;

    private final MediaCatalogue catalogue;
    private final MediaStore store;
    private final WebClient web;
    private final Clock clock;
    private final WatchConfig config;
    private final long pixelBudget;

    MediaCollector(
            MediaCatalogue catalogue,
            MediaStore store,
            WebClient web,
            Clock clock,
            WatchConfig config,
            ArchiveConfig archiveConfig) {
        this.catalogue = catalogue;
        this.store = store;
        this.web = web;
        this.clock = clock;
        this.config = config;
        this.pixelBudget = archiveConfig.imagePixelBudget();
    }

    /**
     * Result of collecting one item: whether it took a download, whether the download failed, and whether it was
     * not tried at all (its URL is backing off, or the poll's allowance of downloads or time was spent).
     */
    record Collected(ObservedMedia media, boolean downloaded, boolean failed, boolean deferred) {}

    /** Which of these media URLs were downloaded before: what {@link #collect} is given, looked up once a poll. */
    Map<String, StoredMedia> known(Collection<String> urls) {
        return catalogue.byUrls(urls);
    }

    /**
     * @param known the stored media of the poll's URLs downloaded before, from {@link #known}; a file this call
     *     downloads is added, so another post of the poll showing the same URL finds it there
     */
    Collected collect(SourceMedia media, PollLimits limits, Map<String, StoredMedia> known) {
        StoredMedia already = known.get(media.url());
        if (already != null) {
            return new Collected(new ObservedMedia(media, Optional.of(already)), false, false, false);
        }
        Instant now = clock.instant();
        Optional<Instant> next = catalogue.nextAttempt(media.url(), now, config.mediaRetryFor());
        if (next.isEmpty() || next.get().isAfter(now) || !limits.takeMediaFetch()) {
            return owed(media, false);
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
                    if (!registered(stored, media, file.exchange())) {
                        yield owed(media, true);
                    }
                    known.put(media.url(), stored);
                    yield new Collected(new ObservedMedia(media, Optional.of(stored)), true, false, false);
                }
                case DownloadOutcome.Gone gone -> {
                    LOG.debugf("media gone at source: %s (%s)", media.url(), gone.reason());
                    yield failed(media, gone.reason(), Optional.of(gone.status()), now);
                }
                case DownloadOutcome.Failed failed -> {
                    LOG.debugf("media not downloaded, owed to a later poll: %s (%s)", media.url(), failed.reason());
                    yield failed(media, failed.reason(), Optional.empty(), now);
                }
            };
        } catch (IOException e) {
            LOG.warnf(e, "media store could not take %s", media.url());
            return owed(media, true);
        }
    }

    private Collected failed(SourceMedia media, String reason, Optional<Integer> goneStatus, Instant now) {
        try {
            catalogue.recordFailure(media.url(), reason, goneStatus, now, config.mediaRetryDelays());
        } catch (RuntimeException e) {
            // Another poll recorded the same URL's failure at the same moment: its back-off is as good as ours.
            LOG.debugf(e, "failure of %s not recorded", media.url());
        }
        return owed(media, true);
    }

    private static Collected owed(SourceMedia media, boolean failed) {
        return new Collected(new ObservedMedia(media, Optional.empty()), false, failed, !failed);
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

    /** {@code media.content_type} is VARCHAR(255): an over-long one keeps its media type, never blocks the record. */
    static String contentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        if (contentType.length() <= MAX_CONTENT_TYPE_CHARS) {
            return contentType;
        }
        String mediaType = contentType.split(";", 2)[0].strip();
        return mediaType.isEmpty() || mediaType.length() > MAX_CONTENT_TYPE_CHARS
                ? "application/octet-stream"
                : mediaType;
    }
}
