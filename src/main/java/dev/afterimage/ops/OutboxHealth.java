package dev.afterimage.ops;

import dev.afterimage.alert.Delivery;
import dev.afterimage.alert.DeliveryStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The webhook outbox: its backlog, and down when a delivery has been due for longer than
 * {@code afterimage.ops.dispatcher-stuck-after} without being sent. A dead receiver is no fault of this service
 * (its deliveries wait, backing off, and are not due); a dispatcher that leaves due deliveries unsent is.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final EntityManager entityManager;
    private final OpsConfig config;
    private final Clock clock;

    OutboxHealth(EntityManager entityManager, OpsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant stuckBefore = clock.instant().minus(config.dispatcherStuckAfter());
        return QuarkusTransaction.requiringNew().call(() -> {
            long pending = Delivery.count("status", DeliveryStatus.PENDING);
            long overdue = entityManager
                    .createQuery(
                            "select count(d) from Delivery d, Webhook w where w.id = d.webhookId and w.enabled = true"
                                    + " and d.status = :pending and d.nextAttemptAt < :before"
                                    + " and (d.leaseUntil is null or d.leaseUntil < :before)",
                            Long.class)
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .setParameter("before", stuckBefore)
                    .getSingleResult();
            return HealthCheckResponse.named("webhook outbox")
                    .status(overdue == 0)
                    .withData("pending", pending)
                    .withData("overdue", overdue)
                    .build();
        });
    }
}
