package dev.afterimage.archive;

import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gives images archived before PDQ existed their hash, in the background after start-up (hashing is about a tenth
 * of a second per photo, too slow to hold the start for). Progress is on the console's dashboard and in the gauge
 * {@code afterimage.media.pdq.backfill.remaining}.
 */
@ApplicationScoped
public class PdqBackfill {

    private static final Logger LOG = Logger.getLogger(PdqBackfill.class);
    private static final int BATCH = 50;
    // Images (they have a width) not yet hashed and not yet found unreadable (quality -1 marks those).
    private static final String UNHASHED = "width is not null and pdqHash is null and pdqQuality is null";

    private final MediaStore store;
    private final Event<MediaHashed> hashed;
    private final AtomicLong remaining = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean stopping;

    PdqBackfill(MediaStore store, Event<MediaHashed> hashed, MeterRegistry registry) {
        this.store = store;
        this.hashed = hashed;
        Gauge.builder("afterimage.media.pdq.backfill.remaining", remaining, AtomicLong::get)
                .description("Archived images still waiting for their PDQ hash")
                .register(registry);
    }

    /** Where the backfill stands, for the console. */
    public record Progress(long done, long remaining) {
        public boolean running() {
            return remaining > 0;
        }
    }

    public Progress progress() {
        return new Progress(done.get(), remaining.get());
    }

    void onStart(@Observes StartupEvent event) {
        remaining.set(QuarkusTransaction.requiringNew().call(() -> Media.count(UNHASHED)));
        if (remaining.get() > 0) {
            Thread.ofVirtual().name("pdq-backfill").start(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void run() {
        LOG.infof("hashing %d images archived before PDQ", remaining.get());
        try {
            List<String> batch;
            do {
                batch = QuarkusTransaction.requiringNew()
                        .call(() -> Media.<Media>find(UNHASHED + " order by sha256").page(0, BATCH).list().stream()
                                .map(media -> media.sha256)
                                .toList());
                for (String sha256 : batch) {
                    if (stopping) {
                        return;
                    }
                    hash(sha256);
                    remaining.updateAndGet(n -> Math.max(0, n - 1));
                    done.incrementAndGet();
                }
            } while (!batch.isEmpty());
            LOG.infof("PDQ backfill finished: %d images hashed", done.get());
        } catch (RuntimeException e) {
            LOG.warnf(e, "PDQ backfill stopped after %d images; it resumes at the next start", done.get());
        } finally {
            remaining.set(0);
        }
    }

    private void hash(String sha256) {
        Optional<PdqResult> pdq = store.locate(sha256).flatMap(PdqHasher::read);
        QuarkusTransaction.requiringNew().run(() -> {
            Media media = Media.findById(sha256);
            if (pdq.isPresent()) {
                media.pdqHash = pdq.get().hash().toHex();
                media.pdqQuality = pdq.get().quality();
                hashed.fire(new MediaHashed(sha256, new PdqFacts(pdq.get().hash(), media.pdqQuality)));
            } else {
                media.pdqQuality = -1;
            }
        });
    }
}
