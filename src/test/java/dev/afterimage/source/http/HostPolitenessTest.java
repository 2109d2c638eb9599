package dev.afterimage.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.afterimage.testkit.FixedPoliteness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private HttpServer server;
    private ExecutorService clients;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        clients = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        server.stop(0);
    }

    @Test
    void noMoreRequestsInFlightToOneHostThanItsCap() throws Exception {
        OkHttpClient client = client(FixedPoliteness.forHost("127.0.0.1", 3, 1000, Duration.ofSeconds(30)));

        List<Integer> statuses = fetchAtOnce(client, 12);

        assertEquals(12, statuses.stream().filter(status -> status == 200).count());
        assertEquals(3, mostInFlight.get(), "at most the host's cap at once, and the cap used");
    }

    @Test
    void requestsToOneHostStartNoFasterThanItsRate() throws Exception {
        OkHttpClient client = client(FixedPoliteness.forHost("127.0.0.1", 12, 10, Duration.ofSeconds(30)));

        long started = System.nanoTime();
        fetchAtOnce(client, 11);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(950)) >= 0, "11 starts at 10 per second span 1 s, took " + took);
    }

    @Test
    void aRequestThatCannotGetATurnInTimeFailsAsANetworkError() {
        OkHttpClient client = client(FixedPoliteness.forHost("127.0.0.1", 1, 0.5, Duration.ofMillis(300)));

        assertThrows(IOException.class, () -> {
            fetchOne(client);
            fetchOne(client);
        });
    }

    @Test
    void otherHostsKeepTheDefaults() throws Exception {
        OkHttpClient client = client(new FixedPoliteness(
                8,
                1000,
                Duration.ofSeconds(30),
                Map.of("t.me", new FixedPoliteness.Caps(Optional.of(1), Optional.of(1.0)))));

        fetchAtOnce(client, 12);

        assertEquals(8, mostInFlight.get(), "loopback is not t.me: the default of 8 at once applies");
    }

    private List<Integer> fetchAtOnce(OkHttpClient client, int count) throws Exception {
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(clients.submit(() -> fetchOne(client)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        return statuses;
    }

    private int fetchOne(OkHttpClient client) throws IOException {
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + server.getAddress().getPort() + "/")
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }

    private static OkHttpClient client(FixedPoliteness politeness) {
        return new OkHttpClient.Builder()
                .addInterceptor(new HostPoliteness(politeness))
                .build();
    }
}
