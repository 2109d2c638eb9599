package dev.afterimage.alert;

import java.util.Objects;

/** An event about to be appended: everything but its id and time. */
public record EventDraft(Long accountId, Long postId, String postUrl, EventDetails details) {

    public EventDraft {
        Objects.requireNonNull(details, "details");
    }

    public static EventDraft aboutAccount(long accountId, EventDetails details) {
        return new EventDraft(accountId, null, null, details);
    }

    /** An event about the service itself, such as a webhook it disabled. */
    public static EventDraft aboutService(EventDetails details) {
        return new EventDraft(null, null, null, details);
    }

    public EventType type() {
        return details.type();
    }
}
