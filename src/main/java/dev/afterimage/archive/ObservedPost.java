package dev.afterimage.archive;

import dev.afterimage.source.PageCapture;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post as one fetch saw it, with its media resolved to stored bytes where possible.
 *
 * @param sourceUrl the URL of the page it was read from
 * @param observedAt when that page was fetched
 * @param capture that page as fetched, kept with a new version as evidence; null when the source keeps none
 * @param earlierVersions the versions before this one that the platform reported with it, oldest first
 * @param contentHash the hash versions are compared on, of the post and its media: taken once, since a poll compares
 *     it with the archive's and the archive keeps it
 */
public record ObservedPost(
        SourcePost post,
        List<ObservedMedia> media,
        String sourceUrl,
        Instant observedAt,
        PageCapture capture,
        List<ObservedPost> earlierVersions,
        ContentHash contentHash) {

    public ObservedPost {
        media = List.copyOf(media);
        earlierVersions = List.copyOf(earlierVersions);
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A post as seen, hashed. */
    public ObservedPost(
            SourcePost post,
            List<ObservedMedia> media,
            String sourceUrl,
            Instant observedAt,
            PageCapture capture,
            List<ObservedPost> earlierVersions) {
        this(post, media, sourceUrl, observedAt, capture, earlierVersions, hashOf(post, media));
    }

    /** The same sighting with other earlier versions. */
    public ObservedPost withEarlierVersions(List<ObservedPost> earlier) {
        return new ObservedPost(post, media, sourceUrl, observedAt, capture, earlier, contentHash);
    }

    private static ContentHash hashOf(SourcePost post, List<ObservedMedia> media) {
        return NormalisedContent.hash(
                post, media.stream().map(m -> m.sha256().orElse(null)).toList());
    }
}
