package dev.afterimage.ops;

import dev.afterimage.alert.Delivery;
import dev.afterimage.alert.DeliveryStatus;
import dev.afterimage.alert.EventAppended;
import dev.afterimage.evidence.stamp.ChainStamper;
import dev.afterimage.evidence.stamp.StampStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's state as Prometheus gauges and counters at {@code /q/metrics}: watches failing, the outbox's depth,
 * media bytes stored, chain entries no trusted time covers yet, and events raised by type. The gauges are read from
 * the database on a schedule, not at each scrape, so a scraper can neither block a request thread nor load the
 * database.
 */
@ApplicationScoped
public class OperationsGauges {

    private final EntityManager entityManager;
    private final ChainStamper stamper;
    private final MeterRegistry metrics;
    private final AtomicLong accountsFailing = new AtomicLong();
    private final AtomicLong accountsWatched = new AtomicLong();
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong mediaBytes = new AtomicLong();
    private final AtomicLong stampsPending = new AtomicLong();

    OperationsGauges(EntityManager entityManager, ChainStamper stamper, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.stamper = stamper;
        this.metrics = metrics;
        gauge("afterimage.accounts.watched", accountsWatched, "enabled accounts");
        gauge("afterimage.accounts.failing", accountsFailing, "enabled accounts whose watch is failing");
        gauge("afterimage.outbox.pending", outboxPending, "webhook deliveries not yet delivered nor given up");
        gauge("afterimage.media.bytes", mediaBytes, "bytes of media stored");
        gauge("afterimage.stamps.pending", stampsPending, "evidence chain entries no trusted timestamp covers yet");
    }

    private void gauge(String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(metrics);
    }

    // Every instance keeps its own gauges: the in-memory scheduler, not a clustered Quartz job run by one of them.
    @Scheduled(
            every = "${afterimage.ops.gauges-every:30s}",
            delayed = "5s",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            accountsWatched.set(count("select count(a) from Account a where a.enabled = true"));
            accountsFailing.set(
                    count("select count(a) from Account a where a.enabled = true and a.watchFailing = true"));
            outboxPending.set(Delivery.count("status", DeliveryStatus.PENDING));
            mediaBytes.set(count("select coalesce(sum(m.sizeBytes), 0) from Media m"));
        });
        StampStatus stamps = stamper.status();
        stampsPending.set(stamps.tsas().isEmpty() ? 0 : Math.max(0, stamps.headSeq() - stamps.stampedSeq()));
    }

    private long count(String query) {
        return entityManager.createQuery(query, Long.class).getSingleResult();
    }

    void countEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventAppended appended) {
        metrics.counter("afterimage.events", "type", appended.type().name()).increment();
    }
}
