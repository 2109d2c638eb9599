package dev.afterimage.detect;

import dev.afterimage.alert.EventDetails;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.alert.EventType;
import dev.afterimage.archive.ImageFacts;
import dev.afterimage.archive.Media;
import dev.afterimage.archive.MediaStore;
import dev.afterimage.archive.ObservedMedia;
import dev.afterimage.archive.Post;
import dev.afterimage.match.ImageMatch;
import dev.afterimage.match.ImageMatcher;
import dev.afterimage.match.MatchConfig;
import dev.afterimage.match.MatchQuery;
import dev.afterimage.match.Matches;
import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import dev.afterimage.source.MediaKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the photos a post shows were seen before, in another earlier post or in a reference set: the details of
 * a {@code MEDIA_REUSED}, raised once per post. Matches on pictures too flat to trust are counted, never alerted on.
 */
@ApplicationScoped
class MediaReuse {

    private final ImageMatcher matcher;
    private final MediaStore store;
    private final MatchConfig config;

    MediaReuse(ImageMatcher matcher, MediaStore store, MatchConfig config) {
        this.matcher = matcher;
        this.store = store;
        this.config = config;
    }

    Optional<EventDetails.MediaReused> check(Post post, List<ObservedMedia> media) {
        if (!config.enabled() || EventRecord.count("postId = ?1 and type = ?2", post.id, EventType.MEDIA_REUSED) > 0) {
            return Optional.empty();
        }
        List<Found> found = new ArrayList<>();
        int lowQuality = 0;
        for (ObservedMedia item : media) {
            if (item.source().kind() != MediaKind.PHOTO || item.stored().isEmpty()) {
                continue;
            }
            String sha256 = item.sha256().orElseThrow();
            Optional<PdqResult> pdq = pdqOf(item);
            if (pdq.isEmpty()) {
                continue;
            }
            Instant publishedAt = post.publishedAt != null ? post.publishedAt : post.firstSeenAt;
            Matches matches = matcher.find(new MatchQuery(pdq.get(), post.id, post.accountId, sha256, publishedAt));
            lowQuality += matches.lowQuality();
            for (ImageMatch match : matches.found()) {
                found.add(new Found(match, sha256));
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Found> closest = found.stream()
                .sorted(Comparator.comparingInt(f -> f.match().distance()))
                .limit(config.maxMatches())
                .toList();
        return Optional.of(new EventDetails.MediaReused(
                sentenceCase(closest.getFirst().match().sentence()),
                closest.stream().map(Found::asEvent).toList(),
                lowQuality));
    }

    /** A match of the newly archived picture {@code newMediaSha256}. */
    private record Found(ImageMatch match, String newMediaSha256) {

        EventDetails.ReuseMatch asEvent() {
            return switch (match) {
                case ImageMatch.InArchive earlier ->
                    new EventDetails.EarlierPost(
                            earlier.postId(),
                            earlier.postUrl(),
                            earlier.postState(),
                            earlier.accountId(),
                            earlier.account(),
                            earlier.firstSeenAt(),
                            earlier.mediaSha256(),
                            earlier.distance(),
                            earlier.transform(),
                            newMediaSha256);
                case ImageMatch.InReferenceSet reference ->
                    new EventDetails.ReferenceImage(
                            reference.referenceSetId(),
                            reference.referenceImageId(),
                            reference.referenceSet(),
                            reference.referenceName(),
                            reference.imageSha256(),
                            reference.distance(),
                            reference.transform(),
                            newMediaSha256);
            };
        }
    }

    /** Fresh downloads carry their PDQ; a file the catalogue knew is hashed again from the store when it is an image. */
    private Optional<PdqResult> pdqOf(ObservedMedia item) {
        Optional<ImageFacts> facts = item.stored().flatMap(stored -> stored.image());
        if (facts.isPresent() && facts.get().pdq() != null) {
            return Optional.of(facts.get().pdq());
        }
        String sha256 = item.sha256().orElseThrow();
        Media media = Media.findById(sha256);
        if (media == null || media.pdqHash == null) {
            return Optional.empty();
        }
        return store.locate(sha256).flatMap(PdqHasher::read);
    }

    private static String sentenceCase(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }
}
