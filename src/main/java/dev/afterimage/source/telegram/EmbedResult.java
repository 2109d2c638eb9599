package dev.afterimage.source.telegram;

import dev.afterimage.source.SourcePost;

/** What a single-post embed page ({@code t.me/<channel>/<id>?embed=1}) said about the post it was asked for. */
public sealed interface EmbedResult {

    /** The post is there, as the embed shows it. */
    record Found(SourcePost post) implements EmbedResult {}

    /**
     * Telegram's own error widget says the post does not exist (it answers this with HTTP 200).
     *
     * @param evidence the error text as shown, e.g. "Post not found"
     */
    record NotFound(String evidence) implements EmbedResult {}

    /** Anything else: an empty body, another page, another post, an error text not known to mean "deleted". */
    record Unrecognised(String why) implements EmbedResult {}
}
