package dev.afterimage.alert;

import java.util.Map;
import java.util.Objects;

/** An event about to be appended: everything but its id and time. */
public record EventDraft(EventType type, Long accountId, Long postId, String postUrl, Map<String, Object> details) {

    public EventDraft {
        Objects.requireNonNull(type, "type");
        details = Map.copyOf(details);
    }

    public static EventDraft aboutAccount(EventType type, long accountId, Map<String, Object> details) {
        return new EventDraft(type, accountId, null, null, details);
    }
}
