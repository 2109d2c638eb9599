package dev.afterimage.source;

import java.util.Objects;

/**
 * One media item as a platform lists it: where to download it and what kind it is. The URL may carry
 * short-lived tokens, so it identifies nothing: media are identified by the hash of their bytes.
 */
public record SourceMedia(MediaKind kind, String url) {
    public SourceMedia {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }
}
