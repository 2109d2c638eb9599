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
    WATCH_RECOVERED,
    /** A newly archived picture was seen before: in another, earlier post or in a reference set. */
    MEDIA_REUSED,
    /** A webhook endpoint kept failing (or answered 410 Gone) and was disabled. */
    WEBHOOK_DISABLED;

    /** The record its {@link EventDetails} are stored as. */
    public Class<? extends EventDetails> detailsType() {
        return switch (this) {
            case POST_DELETED -> EventDetails.PostDeleted.class;
            case POST_EDITED -> EventDetails.PostEdited.class;
            case MEDIA_CHANGED -> EventDetails.MediaChanged.class;
            case POST_RESTORED -> EventDetails.PostRestored.class;
            case ACCOUNT_UNAVAILABLE -> EventDetails.AccountUnavailable.class;
            case ACCOUNT_RESTORED -> EventDetails.AccountRestored.class;
            case WATCH_FAILING -> EventDetails.WatchFailing.class;
            case WATCH_RECOVERED -> EventDetails.WatchRecovered.class;
            case MEDIA_REUSED -> EventDetails.MediaReused.class;
            case WEBHOOK_DISABLED -> EventDetails.WebhookDisabled.class;
        };
    }

    /** The name in webhook payloads, e.g. {@code post.deleted}. */
    public String payloadName() {
        return switch (this) {
            case POST_DELETED -> "post.deleted";
            case POST_EDITED -> "post.edited";
            case MEDIA_CHANGED -> "post.media_changed";
            case POST_RESTORED -> "post.restored";
            case ACCOUNT_UNAVAILABLE -> "account.unavailable";
            case ACCOUNT_RESTORED -> "account.restored";
            case WATCH_FAILING -> "watch.failing";
            case WATCH_RECOVERED -> "watch.recovered";
            case WEBHOOK_DISABLED -> "webhook.disabled";
            case MEDIA_REUSED -> "post.media_reused";
        };
    }
}
