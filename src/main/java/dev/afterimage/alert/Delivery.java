package dev.afterimage.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message to one endpoint, with its retry state. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id", nullable = false)
    public Long webhookId;

    /** The event it tells of; null for a test message. */
    @Column(name = "event_id")
    public Long eventId;

    /** The {@code webhook-id} header: the same on every attempt, so a receiver can drop duplicates. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    /** Deliveries of one endpoint with the same key (one post, one account) are sent in the order they were queued. */
    @Column(name = "order_key", nullable = false)
    public String orderKey;

    /** The payload's type, e.g. {@code post.deleted}. */
    @Column(name = "payload_type", nullable = false)
    public String payloadType;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** After this, a failed attempt gives up instead of scheduling another. */
    @Column(name = "retry_until", nullable = false)
    public Instant retryUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The dispatcher (of whichever instance) sending it now, until {@link #leaseUntil}. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
