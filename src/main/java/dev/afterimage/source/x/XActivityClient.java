package dev.afterimage.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.WebClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * X's Activity API for post events, knowing nothing of accounts: it keeps {@code post.create} and {@code post.delete}
 * subscriptions for user ids ({@code /2/activity/subscriptions}), registers a webhook ({@code /2/webhooks}), and
 * reads the persistent stream ({@code GET /2/activity/stream}) on a thread of its own, reopening it with back-off.
 */
public final class XActivityClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(XActivityClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENT_TYPES = List.of(XActivityEvent.POST_CREATE, XActivityEvent.POST_DELETE);
    /** Subscription and webhook calls are small JSON exchanges. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final WebClient web;
    private final String base;
    private final String bearer;
    private final XActivityConfig config;
    private volatile Thread streamThread;

    public XActivityClient(WebClient web, String baseUrl, String bearer, XActivityConfig config) {
        this.web = web;
        this.base = baseUrl.replaceFirst("/+$", "");
        this.bearer = bearer;
        this.config = config;
    }

    /**
     * Makes sure every user id has both post subscriptions, creating the missing ones (subscriptions outlive our
     * restarts at X, so the existing ones are listed first and never duplicated).
     *
     * @param webhookId the registered webhook to deliver to, or empty for the stream
     * @return the user ids that have both subscriptions now
     */
    public Set<String> subscribe(Set<String> userIds, Optional<String> webhookId) {
        Set<String> done = new HashSet<>();
        if (userIds.isEmpty()) {
            return done;
        }
        Optional<Set<String>> existing = existingSubscriptions();
        if (existing.isEmpty()) {
            return done;
        }
        for (String userId : userIds) {
            boolean all = true;
            for (String type : EVENT_TYPES) {
                if (!existing.get().contains(type + " " + userId)) {
                    all &= create(userId, type, webhookId);
                }
            }
            if (all) {
                done.add(userId);
            }
        }
        return done;
    }

    /** The webhook at this URL, registered now if X does not know it yet (X then sends it a CRC challenge). */
    public Optional<String> webhook(String url) {
        HttpOutcome listed = web.get(base + "/2/webhooks", auth());
        if (listed instanceof HttpOutcome.Received answer && answer.status() == 200) {
            for (JsonNode hook : json(answer.body()).path("data")) {
                if (url.equals(hook.path("url").asText())) {
                    return Optional.of(hook.path("id").asText());
                }
            }
        }
        ObjectNode body = JSON.createObjectNode().put("url", url);
        HttpOutcome created = post("/2/webhooks", body);
        if (created instanceof HttpOutcome.Received answer && answer.status() / 100 == 2) {
            String id = json(answer.body()).path("data").path("id").asText("");
            if (!id.isEmpty()) {
                return Optional.of(id);
            }
        }
        LOG.warnf("X did not register the webhook %s: %s", url, describe(created));
        return Optional.empty();
    }

    /** Opens the stream on a thread of its own; every post event is handed to {@code listener} on that thread. */
    public synchronized void openStream(Consumer<XActivityEvent> listener) {
        close();
        Thread thread = new Thread(() -> readForever(listener), "x-activity-stream");
        thread.setDaemon(true);
        streamThread = thread;
        thread.start();
    }

    @Override
    public synchronized void close() {
        Thread thread = streamThread;
        streamThread = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void readForever(Consumer<XActivityEvent> listener) {
        Duration wait = config.firstRetry();
        Thread me = Thread.currentThread();
        while (streamThread == me && !me.isInterrupted()) {
            boolean[] heard = {false};
            HttpOutcome ended = web.streamLines(base + "/2/activity/stream", auth(), config.idleTimeout(), line -> {
                heard[0] = true;
                XActivityEvent.read(line.getBytes(StandardCharsets.UTF_8)).forEach(listener);
            });
            if (heard[0]) {
                wait = config.firstRetry();
            }
            LOG.infof(
                    "X activity stream ended (%s); polling goes on, reopening in %d ms",
                    describe(ended), wait.toMillis());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(config.lastRetry()) > 0 ? config.lastRetry() : wait.multipliedBy(2);
        }
    }

    /** {@code "<event type> <user id>"} of every subscription, or empty when X did not answer. */
    private Optional<Set<String>> existingSubscriptions() {
        HttpOutcome listed = web.get(base + "/2/activity/subscriptions", auth());
        if (!(listed instanceof HttpOutcome.Received answer) || answer.status() != 200) {
            LOG.warnf("X did not list the activity subscriptions: %s", describe(listed));
            return Optional.empty();
        }
        Set<String> existing = new HashSet<>();
        for (JsonNode subscription : json(answer.body()).path("data")) {
            existing.add(subscription.path("event_type").asText() + " "
                    + subscription.path("filter").path("user_id").asText());
        }
        return Optional.of(existing);
    }

    private boolean create(String userId, String type, Optional<String> webhookId) {
        ObjectNode body = JSON.createObjectNode().put("event_type", type).put("tag", "afterimage");
        body.putObject("filter").put("user_id", userId);
        webhookId.ifPresent(id -> body.put("webhook_id", id));
        HttpOutcome answer = post("/2/activity/subscriptions", body);
        if (answer instanceof HttpOutcome.Received received
                && (received.status() / 100 == 2 || isDuplicate(received))) {
            return true;
        }
        LOG.warnf("X did not subscribe %s for user %s: %s", type, userId, describe(answer));
        return false;
    }

    /** X answers a subscription it already has with a DuplicateSubscription problem: that is success. */
    private static boolean isDuplicate(HttpOutcome.Received answer) {
        return new String(answer.body(), StandardCharsets.UTF_8).contains("Duplicate");
    }

    private HttpOutcome post(String path, ObjectNode body) {
        return web.post(
                base + path,
                auth(),
                body.toString().getBytes(StandardCharsets.UTF_8),
                "application/json",
                CALL_TIMEOUT,
                MAX_ANSWER_BYTES);
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + bearer);
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String describe(HttpOutcome outcome) {
        return switch (outcome) {
            case HttpOutcome.Failed failed -> failed.reason();
            case HttpOutcome.Received received -> "HTTP " + received.status();
        };
    }
}
