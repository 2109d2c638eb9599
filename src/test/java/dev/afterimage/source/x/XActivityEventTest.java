package dev.afterimage.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X Activity API envelopes as docs.x.com/x-api/activity/event-payloads shows them, read into post events. */
class XActivityEventTest {

    private static List<XActivityEvent> read(String body) {
        return XActivityEvent.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postDeleteEnvelopeNamesTheUserAndThePost() {
        List<XActivityEvent> events = read(
                """
                {"data":{"event_uuid":"2080761390344937796","filter":{"user_id":"1716450569358098432"},\
                "event_type":"post.delete","tag":"afterimage","payload":{"id":"1990000000000000001"}}}""");

        assertEquals(
                List.of(new XActivityEvent(
                        "2080761390344937796", "post.delete", "1716450569358098432", "1990000000000000001")),
                events);
        assertTrue(events.getFirst().isDelete());
    }

    @Test
    void postCreateWithoutFilterFallsBackToTheAuthor() {
        List<XActivityEvent> events = read(
                """
                {"data":{"event_uuid":"1","event_type":"post.create","payload":{"id":"1990000000000000002",\
                "author_id":"2244994945","text":"Hello"}}}""");

        assertEquals("2244994945", events.getFirst().userId());
        assertFalse(events.getFirst().isDelete());
    }

    @Test
    void otherEventsErrorsAndKeepAlivesAreNoPostEvents() {
        assertEquals(List.of(), read("{\"data\":{\"event_type\":\"profile.update.bio\",\"payload\":{}}}"));
        assertEquals(List.of(), read("{\"errors\":[{\"title\":\"ConnectionException\"}]}"));
        assertEquals(List.of(), read("   "));
        assertEquals(List.of(), read("not json"));
    }

    @Test
    void webhookBatchIsReadWhole() {
        String one =
                "{\"data\":{\"filter\":{\"user_id\":\"1\"},\"event_type\":\"post.delete\",\"payload\":{\"id\":\"5\"}}}";
        String two =
                "{\"data\":{\"filter\":{\"user_id\":\"1\"},\"event_type\":\"post.create\",\"payload\":{\"id\":\"6\"}}}";

        assertEquals(2, read("[" + one + "," + two + "]").size());
    }
}
