package dev.afterimage.source;

/** What a post's own permalink answered. Only {@link Gone} may ever lead to a deletion being declared. */
public sealed interface PermalinkCheck {

    /**
     * The post is there.
     *
     * @param post the post as the permalink shows it; null when the answer proves the post exists without showing
     *     it in a form the source reads (a feed entry's link is an article page, not the entry)
     */
    record Found(SourcePost post) implements PermalinkCheck {}

    /**
     * The platform itself says the post does not exist (not merely an error).
     *
     * @param capture the page that said so, kept as evidence of the deletion; null when the source keeps none
     */
    record Gone(String evidence, PageCapture capture) implements PermalinkCheck {}

    /** Timeout, 5xx, 429, an unexpected or empty page: nothing can be concluded. */
    record Unknown(String reason) implements PermalinkCheck {}
}
