package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live feed's server-sent events: ids are event ids, and a reconnect resumes where the browser left off. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleEventStreamTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/console/events")
    URI stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void deletionDetectedAfterTheStreamOpenedIsSentWithItsEventId() throws Exception {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(2), "Will be deleted");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();
        CompletableFuture<List<String>> received = firstEvent(stream + "?after=" + newestEventId(), Map.of());

        scenario.channel.delete(1);
        scenario.advance(MINUTE);
        scenario.poll();

        List<String> lines = received.get(20, TimeUnit.SECONDS);
        long deletion = ((Number) scenario.events().getLast().get("id")).longValue();
        assertTrue(lines.contains("id:" + deletion), lines.toString());
        assertTrue(lines.contains("event:event"), lines.toString());
        String data = lines.stream()
                .filter(line -> line.startsWith("data:"))
                .findFirst()
                .orElseThrow();
        assertTrue(data.contains("\"type\":\"POST_DELETED\""), data);
        assertTrue(data.contains("\"account\":\"Ministry\""), data);
    }

    @Test
    void reconnectWithLastEventIdResumesAfterIt() throws Exception {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(2), "First to go");
        scenario.post(2, Duration.ofHours(1), "Second to go");
        scenario.watch();
        scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();
        scenario.channel.delete(1);
        scenario.channel.delete(2);
        scenario.advance(MINUTE);
        scenario.poll();
        List<Map<String, Object>> events = scenario.events();
        assertEquals(2, events.size());
        long first = ((Number) events.get(0).get("id")).longValue();
        long second = ((Number) events.get(1).get("id")).longValue();

        // The query says "from the start", the browser's Last-Event-ID says it has the first deletion already.
        List<String> lines = firstEvent(stream + "?after=0", Map.of("Last-Event-ID", String.valueOf(first)))
                .get(20, TimeUnit.SECONDS);

        assertTrue(lines.contains("id:" + second), lines.toString());
    }

    private long newestEventId() {
        List<Map<String, Object>> all = io.restassured.RestAssured.given()
                .get("/api/events?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        long newest = 0;
        for (Map<String, Object> event : all) {
            newest = Math.max(newest, ((Number) event.get("id")).longValue());
        }
        return newest;
    }

    /** Reads the stream until its first complete event (a blank line ends it); the lines of that event. */
    private CompletableFuture<List<String>> firstEvent(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertEquals(200, response.statusCode());
                    List<String> event = new ArrayList<>();
                    try (Stream<String> lines = response.body()) {
                        for (String line : (Iterable<String>) lines::iterator) {
                            String compact = line.replaceFirst("^(\\w+): ?", "$1:");
                            if (compact.isEmpty() && event.stream().anyMatch(l -> l.startsWith("data:"))) {
                                return event;
                            }
                            if (!compact.isEmpty()) {
                                event.add(compact);
                            }
                        }
                    }
                    return event;
                });
    }
}
