package dev.afterimage.archive;

/** Whether a post is still on the platform, as far as Afterimage has been able to establish. */
public enum PostState {
    LIVE,
    DELETED
}
