package dev.afterimage.archive;

import dev.afterimage.source.PageCapture;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.util.List;

/**
 * A post as one fetch saw it, with its media resolved to stored bytes where possible.
 *
 * @param sourceUrl the URL of the page it was read from
 * @param observedAt when that page was fetched
 * @param capture that page as fetched, kept with a new version as evidence; null when the source keeps none
 * @param earlierVersions the versions before this one that the platform reported with it, oldest first
 */
public record ObservedPost(
        SourcePost post,
        List<ObservedMedia> media,
        String sourceUrl,
        Instant observedAt,
        PageCapture capture,
        List<ObservedPost> earlierVersions) {

    public ObservedPost {
        media = List.copyOf(media);
        earlierVersions = List.copyOf(earlierVersions);
    }

    /** The hash versions are compared on. */
    public ContentHash contentHash() {
        return NormalisedContent.hash(
                post, media.stream().map(m -> m.sha256().orElse(null)).toList());
    }
}
