package dev.afterimage.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every change of a delivery's state, each in a short transaction of its own; no network work happens here. */
@ApplicationScoped
class DeliveryLedger {

    private static final int SNIPPET_CHARS = 500;

    /** The error columns' width. */
    private static final int ERROR_CHARS = 1000;

    private final EventLog events;
    private final WebhooksConfig config;
    private final DeliveryBackoff backoff;
    private final Clock clock;

    DeliveryLedger(EventLog events, WebhooksConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.backoff = new DeliveryBackoff(config.retryDelays(), config.jitter());
        this.clock = clock;
    }

    /** A delivery claimed for sending, with what sending needs. */
    record Claim(long deliveryId, String messageId, String body, String url, WebhookSecret secret, String owner) {}

    /** What one attempt came to. */
    record Attempt(
            Instant at, Integer status, String snippet, String error, long durationMs, Optional<Duration> retryAfter) {

        boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }

        /** 410: the receiver says this endpoint is gone for good. */
        boolean endpointGone() {
            return status != null && status == 410;
        }
    }

    /** Endpoints that have a delivery due now. */
    @Transactional
    List<Long> endpointsWithDueDeliveries(Instant now) {
        return Delivery.getEntityManager()
                .createQuery(
                        "select distinct d.webhookId from Delivery d, Webhook w where w.id = d.webhookId and w.enabled = true"
                                + " and d.status = :pending and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)",
                        Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * Claims the endpoint's next delivery that may go now: due, not held by another sender, and with no earlier
     * delivery about the same post (or account) still pending, so a receiver never hears of an edit before the
     * post's earlier news. The lease makes a claim safe across instances and lets a crashed sender's claim lapse.
     */
    @Transactional
    Optional<Claim> claimNext(long webhookId, Instant now, String owner, Duration lease) {
        Webhook webhook = Webhook.findById(webhookId);
        if (webhook == null || !webhook.enabled) {
            return Optional.empty();
        }
        Optional<Delivery> next = due(webhookId, now);
        while (next.isPresent() && next.get().attempts > 0 && now.isAfter(next.get().retryUntil)) {
            // Claimed before but never recorded (the sender died, or recording failed): give up as a retry would.
            giveUp(next.get(), "no attempt was recorded before " + next.get().retryUntil);
            clearFailingIfIdle(webhook);
            next = due(webhookId, now);
        }
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = next.get();
        int claimed = Delivery.update(
                "leaseOwner = ?1, leaseUntil = ?2, attempts = attempts + 1 where id = ?3 and status = ?4"
                        + " and (leaseUntil is null or leaseUntil < ?5)",
                owner,
                now.plus(lease),
                delivery.id,
                DeliveryStatus.PENDING,
                now);
        if (claimed != 1) {
            return Optional.empty();
        }
        return Optional.of(new Claim(
                delivery.id, delivery.messageId, delivery.body, webhook.url, new WebhookSecret(webhook.secret), owner));
    }

    private static Optional<Delivery> due(long webhookId, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("webhook", webhookId);
        parameters.put("pending", DeliveryStatus.PENDING);
        parameters.put("now", now);
        return Delivery.<Delivery>find(
                        "from Delivery d where d.webhookId = :webhook and d.status = :pending"
                                + " and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)"
                                + " and not exists (from Delivery e where e.webhookId = d.webhookId and e.orderKey = d.orderKey"
                                + " and e.status = :pending and e.id < d.id) order by d.id",
                        parameters)
                .firstResultOptional();
    }

    /** Records an attempt and decides what follows: delivered, another try later, or given up. */
    @Transactional
    void record(Claim claim, Attempt attempt) {
        Delivery delivery = Delivery.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return;
        }
        Webhook webhook = Webhook.findById(delivery.webhookId, LockModeType.PESSIMISTIC_WRITE);
        DeliveryAttempt logged = new DeliveryAttempt();
        logged.deliveryId = delivery.id;
        logged.attemptedAt = attempt.at();
        logged.statusCode = attempt.status();
        logged.responseSnippet = snippet(attempt.snippet());
        logged.error = truncate(attempt.error(), ERROR_CHARS);
        logged.durationMs = attempt.durationMs();
        logged.persist();

        if (!claim.owner().equals(delivery.leaseOwner)) {
            // The claim lapsed and another sender took the delivery over: this attempt is logged, not acted on.
            return;
        }
        delivery.lastAttemptAt = attempt.at();
        delivery.lastStatus = attempt.status();
        delivery.lastError = truncate(attempt.error(), ERROR_CHARS);
        delivery.leaseOwner = null;
        delivery.leaseUntil = null;
        if (attempt.accepted()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = attempt.at();
            delivery.nextAttemptAt = null;
            webhook.lastSuccessAt = attempt.at();
            webhook.failingSince = null;
            return;
        }
        if (webhook.failingSince == null) {
            webhook.failingSince = attempt.at();
        }
        if (attempt.endpointGone()) {
            giveUp(delivery, "the endpoint answered 410 Gone");
            disable(webhook, "the endpoint answered 410 Gone");
            return;
        }
        Instant next = backoff.next(delivery.attempts, attempt.at(), attempt.retryAfter());
        if (next.isAfter(delivery.retryUntil)) {
            giveUp(delivery, "no attempt succeeded before " + delivery.retryUntil);
            clearFailingIfIdle(webhook);
        } else {
            delivery.nextAttemptAt = next;
        }
        if (webhook.enabled
                && webhook.failingSince != null
                && !Duration.between(webhook.failingSince, attempt.at())
                        .minus(config.disableAfter())
                        .isNegative()) {
            disable(webhook, "no delivery succeeded since " + webhook.failingSince);
        }
    }

    /** Sends a delivery again from now on, with a fresh retry period. */
    @Transactional
    Delivery retry(long deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            throw new DeliveryNotFoundException(deliveryId);
        }
        if (delivery.status == DeliveryStatus.DELIVERED) {
            throw new DeliveryAlreadyDeliveredException(deliveryId);
        }
        Instant now = clock.instant();
        if (delivery.leaseUntil != null && delivery.leaseUntil.isAfter(now)) {
            throw new DeliveryInFlightException(deliveryId);
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.retryUntil = now.plus(config.retryFor());
        delivery.leaseOwner = null;
        delivery.leaseUntil = null;
        return delivery;
    }

    private static void giveUp(Delivery delivery, String why) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.nextAttemptAt = null;
        delivery.leaseOwner = null;
        delivery.leaseUntil = null;
        delivery.lastError = truncate(delivery.lastError == null ? why : delivery.lastError + "; " + why, ERROR_CHARS);
    }

    /**
     * An endpoint with nothing left to send is not failing any more: the next failure starts a new failing spell,
     * instead of one old given-up delivery disabling an endpoint that has since been quiet.
     */
    private static void clearFailingIfIdle(Webhook webhook) {
        if (Delivery.count("webhookId = ?1 and status = ?2", webhook.id, DeliveryStatus.PENDING) == 0) {
            webhook.failingSince = null;
        }
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private void disable(Webhook webhook, String reason) {
        webhook.enabled = false;
        webhook.disabledReason = reason;
        events.append(EventDraft.aboutService(
                new EventDetails.WebhookDisabled(webhook.id, webhook.url, reason, webhook.failingSince)));
    }

    private static String snippet(String text) {
        return text == null || text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }
}
