package dev.afterimage.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: an event's deliveries are written in the transaction that writes the event, so they
 * exist exactly when the detection that caused them was committed, and survive anything that happens after.
 * Endpoints that are disabled get none.
 */
@ApplicationScoped
class Outbox {

    private final WebhookPayloads payloads;
    private final WebhooksConfig config;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<DeliveriesQueued> queued;

    Outbox(
            WebhookPayloads payloads,
            WebhooksConfig config,
            Clock clock,
            jakarta.enterprise.event.Event<DeliveriesQueued> queued) {
        this.payloads = payloads;
        this.config = config;
        this.clock = clock;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(EventRecord event) {
        List<Webhook> endpoints = Webhook.<Webhook>list("enabled = true order by id").stream()
                .filter(webhook -> webhook.wants(event.type, event.accountId))
                .toList();
        Map<WebhookFormat, String> bodies = new EnumMap<>(WebhookFormat.class);
        for (Webhook webhook : endpoints) {
            String body = bodies.computeIfAbsent(webhook.format, format -> payloads.render(event, format));
            queue(webhook, newMessageId(), event.id, orderKeyOf(event), event.type.payloadName(), body);
        }
    }

    /** Queues a test message for one endpoint; returns its delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    Delivery enqueueTest(Webhook webhook) {
        String messageId = newMessageId();
        // A test message is ordered after nothing: its own id is its key.
        return queue(
                webhook,
                messageId,
                null,
                "test:" + messageId,
                "webhook.test",
                payloads.renderTest(webhook, clock.instant()));
    }

    private Delivery queue(Webhook webhook, String messageId, Long eventId, String orderKey, String type, String body) {
        Instant now = clock.instant();
        Delivery delivery = new Delivery();
        delivery.webhookId = webhook.id;
        delivery.eventId = eventId;
        delivery.messageId = messageId;
        delivery.orderKey = orderKey;
        delivery.payloadType = type;
        delivery.body = body;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.retryUntil = now.plus(config.retryFor());
        delivery.persist();
        queued.fire(new DeliveriesQueued());
        return delivery;
    }

    /** What must reach an endpoint in order: everything about one post, else about one account. */
    private static String orderKeyOf(EventRecord event) {
        if (event.postId != null) {
            return "post:" + event.postId;
        }
        return event.accountId != null ? "account:" + event.accountId : "event:" + event.type;
    }

    private static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
