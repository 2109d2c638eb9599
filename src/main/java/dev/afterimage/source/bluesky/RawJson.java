package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cuts JSON values out of a response exactly as they were received, so the evidence kept for a post is the bytes the
 * platform sent, not a re-serialisation of them. Offsets come from Jackson's streaming parser over the raw bytes.
 */
final class RawJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RawJson() {}

    /** The bytes of the value of a top-level field of a JSON object, or empty when there is no such field. */
    static Optional<byte[]> field(byte[] object, String name) {
        try (JsonParser parser = FACTORY.createParser(object)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals(name)) {
                    return Optional.of(slice(object, parser));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The bytes of each element of a top-level array field, in order; empty when the field is not an array. */
    static List<byte[]> arrayElements(byte[] object, String name) {
        return field(object, name).map(RawJson::elements).orElse(List.of());
    }

    private static List<byte[]> elements(byte[] array) {
        List<byte[]> elements = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(array)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                elements.add(slice(array, parser));
            }
            return elements;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The current value's bytes; leaves the parser on the value's last token. */
    private static byte[] slice(byte[] source, JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        return Arrays.copyOfRange(source, start, end);
    }
}
