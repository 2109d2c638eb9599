package dev.afterimage.source;

/** What a piece of media attached to a post is. */
public enum MediaKind {
    PHOTO,
    VIDEO,
    /** The image of a link preview card. */
    PREVIEW_IMAGE
}
