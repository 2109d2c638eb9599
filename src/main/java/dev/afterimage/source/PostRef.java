package dev.afterimage.source;

import java.util.Objects;

/**
 * An archived post a source is asked about: the platform's id of it and the canonical URL it was archived under
 * (a feed entry's own link, which cannot be derived from its id).
 */
public record PostRef(String platformPostId, String url) {
    public PostRef {
        Objects.requireNonNull(platformPostId, "platformPostId");
        Objects.requireNonNull(url, "url");
    }
}
