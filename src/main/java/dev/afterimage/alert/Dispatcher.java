package dev.afterimage.alert;

import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.RetryAfter;
import dev.afterimage.source.http.WebClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each endpoint is drained by its own thread, one delivery at a time, so a slow or
 * dead endpoint holds back only itself. Woken after every commit that queued deliveries, and every second besides
 * (retries falling due, deliveries left by a stopped instance).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** Enough of a receiver's answer to tell what went wrong; the rest is not read. */
    private static final int RESPONSE_BYTES_KEPT = 2048;

    /** Beyond the request timeout, so a live sender's claim never lapses while it still waits for an answer. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final DeliveryLedger ledger;
    private final WebClient web;
    private final WebhooksConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    /**
     * Platform threads, one per endpoint being drained and idle ones retired after a minute: the number of
     * endpoints is small, and virtual threads doing JDBC and HTTP were seen to stall on this 2-core machine.
     */
    private final ExecutorService senders = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("afterimage-webhooks-", 1).daemon(true).factory());

    private final Set<Long> draining = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    Dispatcher(DeliveryLedger ledger, WebClient web, WebhooksConfig config, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        // Both results from the start, so a dashboard shows a rate of zero rather than no data.
        metrics.counter("afterimage.webhook.attempts", "result", "accepted");
        metrics.counter("afterimage.webhook.attempts", "result", "failed");
        this.ledger = ledger;
        this.web = web;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${afterimage.webhooks.dispatch-every:1s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Right after a commit that queued deliveries; handed to another thread, the committing one is done with its transaction. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        if (!stopping) {
            senders.submit(this::wake);
        }
    }

    /** Starts draining every endpoint that has something due and is not being drained already. */
    public void wake() {
        if (stopping) {
            return;
        }
        try {
            List<Long> due = ledger.endpointsWithDueDeliveries(clock.instant());
            LOG.debugf("due endpoints %s, already draining %s", due, draining);
            for (Long webhookId : due) {
                if (draining.add(webhookId)) {
                    senders.submit(() -> drain(webhookId));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for due deliveries failed; trying again at the next tick", e);
        }
    }

    private void drain(long webhookId) {
        try {
            for (Optional<DeliveryLedger.Claim> claim = claim(webhookId);
                    claim.isPresent() && !stopping;
                    claim = claim(webhookId)) {
                send(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "sending to webhook %d failed; its claim lapses and it is retried", webhookId);
        } finally {
            draining.remove(webhookId);
        }
    }

    private Optional<DeliveryLedger.Claim> claim(long webhookId) {
        return ledger.claimNext(
                webhookId, clock.instant(), owner, config.timeout().plus(LEASE_MARGIN));
    }

    private void send(DeliveryLedger.Claim claim) {
        Instant at = clock.instant();
        LOG.debugf("sending delivery %d (%s) to %s", claim.deliveryId(), claim.messageId(), claim.url());
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", claim.messageId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(claim.secret(), claim.messageId(), timestamp, claim.body()));
        long started = System.nanoTime();
        HttpOutcome outcome = web.post(
                claim.url(),
                headers,
                claim.body().getBytes(StandardCharsets.UTF_8),
                "application/json",
                config.timeout(),
                RESPONSE_BYTES_KEPT);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        DeliveryLedger.Attempt attempt =
                switch (outcome) {
                    case HttpOutcome.Received received ->
                        new DeliveryLedger.Attempt(
                                at,
                                received.status(),
                                new String(received.body(), StandardCharsets.UTF_8),
                                received.isSuccessful() ? null : "HTTP " + received.status(),
                                millis,
                                RetryAfter.parse(received.header("retry-after"), at, MAX_RETRY_AFTER));
                    case HttpOutcome.Failed failed ->
                        new DeliveryLedger.Attempt(at, null, null, failed.reason(), millis, Optional.empty());
                };
        ledger.record(claim, attempt);
        metrics.counter("afterimage.webhook.attempts", "result", attempt.accepted() ? "accepted" : "failed")
                .increment();
    }

    /**
     * Lets the deliveries being sent finish and be recorded while the database is still open, then sends no more;
     * the rest stay in the outbox for the next start. Threads are not interrupted: an interrupted database write
     * can close H2's file under the whole service.
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(config.timeout().plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf(
                        "webhook deliveries still running after %s; they are sent again after the restart",
                        config.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
