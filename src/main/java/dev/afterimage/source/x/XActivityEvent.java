package dev.afterimage.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code post.create} or {@code post.delete} event of X's Activity API, from the documented envelope
 * {@code {"data":{"event_uuid","filter":{"user_id"},"event_type","tag","payload":{…}}}}; the payload of a post event
 * is the post ({@code id}, {@code author_id}, {@code text}, …).
 *
 * @param userId the user the subscription filtered on
 * @param postId the post created or deleted
 */
public record XActivityEvent(String eventUuid, String eventType, String userId, String postId) {

    public static final String POST_CREATE = "post.create";
    public static final String POST_DELETE = "post.delete";

    private static final ObjectMapper JSON = new ObjectMapper();

    public XActivityEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(postId, "postId");
    }

    public boolean isDelete() {
        return eventType.equals(POST_DELETE);
    }

    /**
     * The post events in one stream line or webhook body: one envelope, or a JSON array of them; anything else
     * (keep-alives, other event types, errors) yields none.
     */
    public static List<XActivityEvent> read(byte[] body) {
        List<XActivityEvent> events = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return events;
            }
            for (JsonNode envelope : root.isArray() ? root : List.of(root)) {
                JsonNode data = envelope.path("data");
                String type = data.path("event_type").asText("");
                if (!type.equals(POST_CREATE) && !type.equals(POST_DELETE)) {
                    continue;
                }
                JsonNode payload = data.path("payload");
                String postId = text(payload, "id");
                String userId = text(data.path("filter"), "user_id");
                if (userId == null) {
                    userId = text(payload, "author_id");
                }
                if (postId != null && userId != null) {
                    events.add(new XActivityEvent(text(data, "event_uuid"), type, userId, postId));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && value.asText().matches("[0-9]{1,19}") ? value.asText() : null;
    }
}
