package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import dev.afterimage.pdq.PdqHash;
import dev.afterimage.source.http.Exchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds media already archived, so a poll downloads only what is new. */
@ApplicationScoped
public class MediaCatalogue {

    private final MediaStore store;
    private final EvidenceChain chain;
    private final Event<MediaHashed> hashed;

    public MediaCatalogue(MediaStore store, EvidenceChain chain, Event<MediaHashed> hashed) {
        this.store = store;
        this.chain = chain;
        this.hashed = hashed;
    }

    /**
     * The stored media once downloaded from each of these URLs whose bytes are still in the store, by URL: one read
     * for a whole poll's media, however many posts show them.
     */
    @Transactional
    public Map<String, StoredMedia> byUrls(Collection<String> urls) {
        if (urls.isEmpty()) {
            return Map.of();
        }
        Map<String, String> files = MediaOrigin.mediaFor(urls);
        Map<String, Media> media = Media.<Media>list("sha256 in ?1", Set.copyOf(files.values())).stream()
                .collect(Collectors.toMap(file -> file.sha256, file -> file));
        Map<String, StoredMedia> known = new HashMap<>();
        files.forEach((url, sha) -> {
            Media file = media.get(sha);
            if (file != null && store.locate(sha).isPresent()) {
                known.put(url, stored(file));
            }
        });
        return known;
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
                if (image.pdq() != null) {
                    media.pdqHash = image.pdq().hash().toHex();
                    media.pdqQuality = image.pdq().quality();
                }
            });
            stored.oversized().ifPresent(oversized -> {
                media.width = oversized.width();
                media.height = oversized.height();
                media.imageNote = oversized.note();
            });
            media.firstSeenAt = now;
            media.persist();
            chain.appendMedia(media);
            if (media.pdqHash != null) {
                hashed.fire(new MediaHashed(media.sha256, image(media).orElseThrow()));
            }
        }
        if (MediaOrigin.mediaFor(url).filter(stored.sha256()::equals).isEmpty()) {
            MediaOrigin source = new MediaOrigin();
            source.mediaSha256 = stored.sha256();
            source.url = url;
            source.urlSha256 = Sha256.ofText(url);
            source.firstSeenAt = now;
            source.persist();
        }
        MediaAttempt.deleteById(Sha256.ofText(url));
    }

    /** When a download of this URL may next be tried: now when it never failed, never when it failed too long. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> nextAttempt(String url, Instant now, Duration retryFor) {
        MediaAttempt attempt = MediaAttempt.findById(Sha256.ofText(url));
        if (attempt == null) {
            return Optional.of(now);
        }
        if (!attempt.firstFailedAt.plus(retryFor).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(attempt.nextAttemptAt);
    }

    /**
     * Records a failed download and when to try again: after the n-th failure, the n-th of {@code delays} (the last
     * one repeats). {@code goneStatus} is the source's 404 or 410, when it said the file is gone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(
            String url, String reason, Optional<Integer> goneStatus, Instant now, List<Duration> delays) {
        String sha = Sha256.ofText(url);
        MediaAttempt attempt = MediaAttempt.findById(sha);
        if (attempt == null) {
            attempt = new MediaAttempt();
            attempt.urlSha256 = sha;
            attempt.url = url;
            attempt.firstFailedAt = now;
        }
        attempt.attempts++;
        attempt.lastFailedAt = now;
        attempt.lastReason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        attempt.nextAttemptAt = now.plus(delays.get(Math.min(attempt.attempts, delays.size()) - 1));
        if (goneStatus.isPresent()) {
            attempt.goneAt = now;
            attempt.goneStatus = goneStatus.get();
        }
        attempt.persist();
    }

    /** Whether the media row exists: after a conflicting {@link #register}, it tells a lost race from a failure. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isRegistered(String sha256) {
        return Media.findById(sha256) != null;
    }

    /** An image's PDQ hash and quality as archived; empty for media without one. */
    public static Optional<PdqFacts> image(Media media) {
        return media.pdqHash == null
                ? Optional.empty()
                : Optional.of(new PdqFacts(PdqHash.fromHex(media.pdqHash), media.pdqQuality));
    }

    private static StoredMedia stored(Media media) {
        Optional<ImageFacts> image = media.perceptualHash == null
                ? Optional.empty()
                : Optional.of(new ImageFacts(media.width, media.height, media.perceptualHash, null));
        return new StoredMedia(media.sha256, media.contentType, media.sizeBytes, image);
    }
}
