package dev.afterimage.alert;

/** Everything Afterimage can tell its users about. */
public enum EventType {
    POST_DELETED,
    POST_EDITED,
    MEDIA_CHANGED,
    POST_RESTORED,
    ACCOUNT_UNAVAILABLE,
    ACCOUNT_RESTORED,
    WATCH_FAILING,
    WATCH_RECOVERED
}
