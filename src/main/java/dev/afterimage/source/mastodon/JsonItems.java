package dev.afterimage.source.mastodon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            List<Item> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                JsonNode node = MAPPER.readTree(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                items.add(new Item(node, Arrays.copyOfRange(body, start, end)));
            }
            return parser.nextToken() == null ? Optional.of(items) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
