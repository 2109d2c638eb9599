package dev.afterimage.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slices keep the bytes as sent: spacing, escapes and key order included. */
class RawJsonTest {

    private static final byte[] BODY =
            "{ \"cursor\" : \"c\", \"feed\" : [ {\"post\": {\"text\":\"\\u00e9 é\"}} ,{\"post\":{}} ] }"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void arrayElementsAndFieldsAreTheExactBytes() {
        List<byte[]> items = RawJson.arrayElements(BODY, "feed");

        assertEquals(2, items.size());
        assertEquals("{\"post\": {\"text\":\"\\u00e9 é\"}}", text(items.get(0)));
        assertEquals(
                Optional.of("{\"text\":\"\\u00e9 é\"}"),
                RawJson.field(items.get(0), "post").map(RawJsonTest::text));
        assertEquals(Optional.of("{}"), RawJson.field(items.get(1), "post").map(RawJsonTest::text));
    }

    @Test
    void missingOrMalformedGivesNothing() {
        assertEquals(Optional.empty(), RawJson.field(BODY, "thread"));
        assertEquals(List.of(), RawJson.arrayElements(BODY, "cursor"));
        assertEquals(Optional.empty(), RawJson.field("not json".getBytes(StandardCharsets.UTF_8), "feed"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
