package dev.afterimage.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.alert.EventType;
import java.time.Instant;

/** An event as the API shows it; {@code details} is the JSON object stored with it. */
public record EventView(
        long id,
        EventType type,
        Long accountId,
        Long postId,
        String postUrl,
        Instant detectedAt,
        @JsonRawValue String details) {

    static EventView of(EventRecord event) {
        return new EventView(
                event.id, event.type, event.accountId, event.postId, event.postUrl, event.detectedAt, event.details);
    }
}
