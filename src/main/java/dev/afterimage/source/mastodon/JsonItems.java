package dev.afterimage.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a JSON array body, each with its exact bytes as received: the evidence kept for a post is its own
 * object as the instance sent it, not a re-serialisation.
 */
final class JsonItems {

    /** One object of the array, parsed, and the bytes it was parsed from. */
    record Item(JsonNode node, byte[] raw) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonItems() {}

    /** The array's objects in order, or empty when the body is not a JSON array of objects. */
    static Optional<List<Item>> ofArray(byte[] body) {
        Optional<List<byte[]>> elements = RawJson.elementsOf(body);
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (byte[] raw : elements.get()) {
            Optional<JsonNode> node = ofObject(raw);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            items.add(new Item(node.get(), raw));
        }
        return Optional.of(items);
    }

    /** The body as one JSON object, or empty when it is anything else. */
    static Optional<JsonNode> ofObject(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
