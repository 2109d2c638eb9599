package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.FixedPoliteness;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A host polled by as many fetches at once as its cap allows keeps all their connections open between rounds: a poll
 * that opens a new one pays a TCP connect and, over https, a TLS handshake, at every interval.
 */
class WebClientConnectionReuseTest {

    private static final int IN_FLIGHT = FixedPoliteness.DEFAULTS.maxConcurrent();

    @Test
    void secondRoundOfConcurrentFetchesReusesEveryConnectionOfTheFirst() throws Exception {
        try (MockWebServer server = new MockWebServer();
                ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT)) {
            for (int i = 0; i < 2 * IN_FLIGHT; i++) {
                // Slow enough that a round's fetches are all in flight together, each on a connection of its own.
                server.enqueue(new MockResponse.Builder()
                        .body("<p>page</p>")
                        .headersDelay(1, TimeUnit.SECONDS)
                        .build());
            }
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            WebClient client = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());
            String url = "http://127.0.0.1:" + server.getPort() + "/channel";

            round(threads, client, url);
            Set<Integer> first = connections(server, IN_FLIGHT);
            round(threads, client, url);
            Set<Integer> second = connections(server, IN_FLIGHT);

            assertEquals(IN_FLIGHT, first.size(), "each fetch of the first round had a connection of its own");
            assertEquals(first, second, "the second round opened no new connection");
        }
    }

    private static void round(ExecutorService threads, WebClient client, String url) throws Exception {
        List<Future<HttpOutcome>> fetches = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            fetches.add(threads.submit(() -> client.get(url)));
        }
        for (Future<HttpOutcome> fetch : fetches) {
            assertEquals(
                    200,
                    assertInstanceOf(HttpOutcome.Received.class, fetch.get()).status());
        }
    }

    private static Set<Integer> connections(MockWebServer server, int requests) throws InterruptedException {
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            used.add(request.getConnectionIndex());
        }
        return used;
    }
}
