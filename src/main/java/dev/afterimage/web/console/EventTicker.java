package dev.afterimage.web.console;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Feeds every open live feed from one reader of the event table: each tick reads the events after each position
 * the subscribers have reached and hands them on. Reading the table (not an in-memory
 * bus) means a feed sees events committed by any instance of a cluster, and resumes after a restart from the
 * browser's Last-Event-ID.
 */
@ApplicationScoped
class EventTicker {

    /** Enough for any burst between two ticks; a subscriber further behind catches up over the next ticks. */
    private static final int BATCH = 200;

    private final EventFeed feed;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    EventTicker(EventFeed feed) {
        this.feed = feed;
    }

    /** The events after {@code lastId}, as they are committed, until the subscriber goes away. */
    Multi<FeedItem> after(long lastId) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(emitter, lastId);
            subscribers.add(subscriber);
            emitter.onTermination(() -> subscribers.remove(subscriber));
        });
    }

    /** Once a second: a deletion reaches an open console within about a second of its commit. */
    @Scheduled(
            every = "${afterimage.console.feed-every:1s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        // One read per position, not one from the oldest: a tab catching up on old events must not hold back the
        // feeds that are up to date. Feeds that are up to date share one position, so this is mostly one read.
        Map<Long, List<Subscriber>> byPosition =
                List.copyOf(subscribers).stream().collect(Collectors.groupingBy(subscriber -> subscriber.lastSent));
        byPosition.forEach((position, group) -> {
            List<FeedItem> items = feed.after(position, BATCH);
            group.forEach(subscriber -> subscriber.send(items));
        });
    }

    int subscribers() {
        return subscribers.size();
    }

    /** One open feed; only the ticking thread sends to it, so its position needs no lock. */
    private static final class Subscriber {

        private final MultiEmitter<? super FeedItem> emitter;
        private volatile long lastSent;

        Subscriber(MultiEmitter<? super FeedItem> emitter, long lastSent) {
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        void send(List<FeedItem> items) {
            for (FeedItem item : items) {
                if (item.id() > lastSent && !emitter.isCancelled()) {
                    emitter.emit(item);
                    lastSent = item.id();
                }
            }
        }
    }
}
