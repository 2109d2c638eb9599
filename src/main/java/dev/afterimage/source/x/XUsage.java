package dev.afterimage.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this instance has spent on X since the last {@link #drain}: X bills reads per post returned (every element
 * of an answer's {@code data}), and counts the Activity API's events. Kept in memory here, where the reads happen;
 * the spend meter drains it into the database.
 */
@ApplicationScoped
public class XUsage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong postsRead = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /** Counts one answered read and the posts its {@code data} holds (an array, or one object). */
    public void answered(byte[] body) {
        requests.incrementAndGet();
        try {
            JsonNode data = JSON.readTree(body).path("data");
            postsRead.addAndGet(data.isArray() ? data.size() : data.path("text").isTextual() ? 1 : 0);
        } catch (IOException e) {
            // An unreadable answer returned no post X could bill.
        }
    }

    public void event() {
        events.incrementAndGet();
    }

    /** The counts since the last drain, which start again from zero. */
    public Counts drain() {
        return new Counts(requests.getAndSet(0), postsRead.getAndSet(0), events.getAndSet(0));
    }

    /** Requests answered, posts they returned, Activity API events received. */
    public record Counts(long requests, long postsRead, long events) {
        public boolean isEmpty() {
            return requests == 0 && postsRead == 0 && events == 0;
        }
    }
}
