package dev.afterimage.archive;

import dev.afterimage.source.SourcePost;
import java.util.List;

/** A post as one fetch saw it, with its media resolved to stored bytes where possible. */
public record ObservedPost(SourcePost post, List<ObservedMedia> media, String sourceUrl) {

    public ObservedPost {
        media = List.copyOf(media);
    }

    /** The hash versions are compared on. */
    public String contentHash() {
        return NormalisedContent.hash(post, media.stream().map(m -> m.sha256().orElse(null)).toList());
    }

    public boolean mediaComplete() {
        return media.stream().allMatch(m -> m.stored().isPresent());
    }
}
