package dev.afterimage.detect;

import dev.afterimage.source.PostRef;

/** An archived post whose permalink must be asked whether it still exists. */
public record Suspect(long postId, String platformPostId, String url) {

    public PostRef ref() {
        return new PostRef(platformPostId, url);
    }
}
