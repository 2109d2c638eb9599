package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.http.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jboss.logging.Logger;

/**
 * A subscription to the public Jetstream firehose, filtered to the posts of some DIDs, that reconnects by itself:
 * after a drop it waits (1 s, doubling up to a minute) and resumes from the last event it saw, so nothing said while
 * it was away is missed. It only reports what it hears; it decides nothing.
 */
public final class JetstreamClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JetstreamClient.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);
    /** Jetstream sends nothing while the followed accounts are quiet; pings tell a quiet stream from a dead one. */
    private static final Duration PING_EVERY = Duration.ofSeconds(20);

    private final String url;
    private final Consumer<JetstreamEvent> listener;
    private final ObjectMapper json = new ObjectMapper();
    private final OkHttpClient http;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jetstream-reconnect");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Set<String> dids = Set.of();
    private WebSocket socket;
    private volatile long generation;
    private int failures;
    private volatile long lastTimeUs;
    private volatile boolean connected;

    /**
     * @param url the Jetstream {@code /subscribe} endpoint ({@code wss://...})
     * @param web the service's client, whose proxy and address policy the stream follows too
     * @param listener hears every event about a followed DID, on OkHttp's thread: it must return quickly
     */
    public JetstreamClient(String url, WebClient web, Consumer<JetstreamEvent> listener) {
        if (HttpUrl.parse(url.replaceFirst("^(?i)ws", "http")) == null) {
            throw new IllegalArgumentException(
                    "afterimage.platforms.bluesky.jetstream-url must be a ws:// or wss:// URL, got \"" + url + "\"");
        }
        this.url = url;
        this.listener = listener;
        this.http = web.streaming(PING_EVERY);
    }

    /** Follows exactly these DIDs from now on; none closes the stream, since an unfiltered one is the whole network. */
    public synchronized void follow(Set<String> wanted) {
        // The same DIDs are either followed now or about to be again after a drop: a new socket would skip the wait.
        if (wanted.equals(dids)) {
            return;
        }
        dids = Set.copyOf(wanted);
        disconnect();
        failures = 0;
        if (!dids.isEmpty()) {
            connect();
        }
    }

    public boolean connected() {
        return connected;
    }

    @Override
    public synchronized void close() {
        dids = Set.of();
        disconnect();
        retries.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }

    /** The subscription URL: posts of the followed DIDs, from the last event heard on. */
    String subscriptionUrl() {
        StringBuilder subscription = new StringBuilder(url)
                .append(url.contains("?") ? '&' : '?')
                .append("wantedCollections=")
                .append(PostViews.POST_COLLECTION);
        for (String did : new TreeSet<>(dids)) {
            subscription.append("&wantedDids=").append(URLEncoder.encode(did, StandardCharsets.UTF_8));
        }
        if (lastTimeUs > 0) {
            subscription.append("&cursor=").append(lastTimeUs);
        }
        return subscription.toString();
    }

    private void connect() {
        long mine = ++generation;
        socket = http.newWebSocket(new Request.Builder().url(subscriptionUrl()).build(), new Listener(mine));
    }

    private void disconnect() {
        generation++;
        connected = false;
        if (socket != null) {
            socket.cancel();
            socket = null;
        }
    }

    private synchronized void dropped(long of, String why) {
        if (of != generation || retries.isShutdown()) {
            return;
        }
        connected = false;
        socket = null;
        long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 6));
        failures++;
        LOG.warnf("Jetstream stream dropped (%s); polling goes on, reconnecting in %d ms", why, delay);
        long next = ++generation;
        retries.schedule(() -> reconnect(next), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect(long of) {
        if (of == generation && socket == null && !dids.isEmpty()) {
            connect();
        }
    }

    private synchronized void opened(long of) {
        if (of == generation) {
            connected = true;
            failures = 0;
            LOG.infof("Jetstream stream open, following %d accounts", dids.size());
        }
    }

    private void heard(long of, String text) {
        if (of != generation) {
            return;
        }
        JetstreamEvent.parse(json, text).ifPresent(event -> {
            lastTimeUs = Math.max(lastTimeUs, event.timeUs());
            if (dids.contains(event.did())) {
                listener.accept(event);
            }
        });
    }

    private final class Listener extends WebSocketListener {

        private final long generation;

        Listener(long generation) {
            this.generation = generation;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(generation);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            heard(generation, text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            dropped(generation, "closed by the server: " + code + " " + reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            dropped(generation, t.toString());
        }
    }
}
