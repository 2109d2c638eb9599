package dev.afterimage.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An event about to be appended: everything but its id and time. */
public record EventDraft(EventType type, Long accountId, Long postId, String postUrl, Map<String, Object> details) {

    public EventDraft {
        Objects.requireNonNull(type, "type");
        // Insertion order kept for readers of the JSON; null values allowed (e.g. an unknown publication time).
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static EventDraft aboutAccount(EventType type, long accountId, Map<String, Object> details) {
        return new EventDraft(type, accountId, null, null, details);
    }
}
