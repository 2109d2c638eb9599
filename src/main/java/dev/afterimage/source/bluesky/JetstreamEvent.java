package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * One Jetstream message about a watched account: a commit ({@code operation} create, update or delete of a record
 * in {@code collection}) or an account or identity change (then {@code operation}, {@code collection} and
 * {@code recordKey} are null).
 *
 * @param timeUs Jetstream's cursor: microseconds since the epoch, to resume from after a drop
 */
public record JetstreamEvent(
        String did, long timeUs, String kind, String operation, String collection, String recordKey) {

    /** The message read, or empty when it is not a Jetstream event. */
    static Optional<JetstreamEvent> parse(ObjectMapper json, String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node == null
                    || !node.path("did").isTextual()
                    || !node.path("time_us").canConvertToLong()) {
                return Optional.empty();
            }
            JsonNode commit = node.path("commit");
            return Optional.of(new JetstreamEvent(
                    node.path("did").asText(),
                    node.path("time_us").asLong(),
                    node.path("kind").asText(""),
                    commit.path("operation").asText(null),
                    commit.path("collection").asText(null),
                    commit.path("rkey").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
