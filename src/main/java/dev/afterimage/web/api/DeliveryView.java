package dev.afterimage.web.api;

import dev.afterimage.alert.Delivery;
import dev.afterimage.alert.DeliveryAttempt;
import dev.afterimage.alert.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/** A delivery and its log of attempts. */
public record DeliveryView(
        long id,
        long webhookId,
        Long eventId,
        String messageId,
        String type,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant retryUntil,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt,
        List<AttemptView> log) {

    /** One attempt: when, what the receiver answered (or why nothing), how long it took. */
    public record AttemptView(Instant at, Integer status, String response, String error, long durationMs) {}

    static DeliveryView of(Delivery delivery) {
        List<AttemptView> log = DeliveryAttempt.of(delivery.id).stream()
                .map(a -> new AttemptView(a.attemptedAt, a.statusCode, a.responseSnippet, a.error, a.durationMs))
                .toList();
        return new DeliveryView(
                delivery.id,
                delivery.webhookId,
                delivery.eventId,
                delivery.messageId,
                delivery.payloadType,
                delivery.status,
                delivery.attempts,
                delivery.createdAt,
                delivery.nextAttemptAt,
                delivery.retryUntil,
                delivery.lastAttemptAt,
                delivery.lastStatus,
                delivery.lastError,
                delivery.deliveredAt,
                log);
    }
}
