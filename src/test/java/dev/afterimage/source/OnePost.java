package dev.afterimage.source;

import java.util.List;

/** Asks a source about a single post, as {@link PostSource#checkAll} with a list of one. */
public final class OnePost {

    private OnePost() {}

    public static PermalinkCheck check(PostSource source, AccountRef account, PostRef post) {
        return source.checkAll(account, List.of(post)).get(post.platformPostId());
    }
}
