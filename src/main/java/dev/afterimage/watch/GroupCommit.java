package dev.afterimage.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Commits the records of polls that end at about the same time in one transaction. A poll's record is a short write
 * transaction whose commit is most of its cost: on H2 (with {@code WRITE_DELAY=0}) every commit writes the pages it
 * changed to the file before it returns, and the records of accounts polled together change the same pages (the
 * accounts', the schedule's index).
 *
 * <p>Two kinds of record share the groups. One whose caller waits ({@link #commit}) waits for others only while polls
 * whose pages are in are still to record, and at most {@code afterimage.watch.record-linger}: a lone poll commits at
 * once, and its caller returns once its record is committed. One whose caller goes on ({@link #later}), the record of
 * a poll that observed nothing new, waits up to {@code afterimage.watch.unread-record-within} for others. One writer
 * thread commits the groups. A group the database refuses is written again record by record, each in its own
 * transaction, so one bad record costs only itself.
 */
@ApplicationScoped
class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Bounds the rows one transaction locks, and the wait of the group's first record once polls run back to back. */
    private static final int MAX_GROUP = 32;

    /** With no linger nothing waits for polls about to record, so they need not be counted. */
    private static final Expected NOTHING_EXPECTED = () -> {};

    private final long lingerNanos;
    private final long laterNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private int expected;
    private boolean stopped;
    private Thread writer;

    GroupCommit(WatchConfig config) {
        this.lingerNanos = config.recordLinger().toNanos();
        this.laterNanos = config.unreadRecordWithin().toNanos();
    }

    /** A poll about to record: until it has (or is closed), groups wait for it, up to the linger. */
    Expected expect() {
        if (lingerNanos <= 0) {
            return NOTHING_EXPECTED;
        }
        lock.lock();
        try {
            expected++;
        } finally {
            lock.unlock();
        }
        return () -> {
            lock.lock();
            try {
                expected--;
                changed.signal();
            } finally {
                lock.unlock();
            }
        };
    }

    /** Runs the work in a transaction it may share with other records; returns once that transaction committed. */
    <T> T commit(Supplier<T> work) {
        Pending<T> pending = new Pending<>(work, lingerNanos, true, refusal -> {});
        return queue(pending)
                ? pending.await()
                : QuarkusTransaction.requiringNew().call(work::get);
    }

    /**
     * Queues the work for a transaction it may share with other records, committed within
     * {@code afterimage.watch.unread-record-within}, and returns at once; with none configured, or once stopping, runs
     * it in its own transaction before it returns. Only for work a crash may lose, since it observed nothing new: when
     * the database refuses it, {@code refused} is told, on the writer's thread.
     */
    void later(Runnable work, Consumer<Throwable> refused) {
        Pending<Void> pending = new Pending<>(
                () -> {
                    work.run();
                    return null;
                },
                laterNanos,
                false,
                refused);
        if (!queue(pending)) {
            QuarkusTransaction.requiringNew().run(work);
        }
    }

    /** Whether the pending record is queued for the writer; not when records commit alone, or once stopping. */
    private boolean queue(Pending<?> pending) {
        lock.lock();
        try {
            if (pending.waitNanos <= 0 || stopped) {
                return false;
            }
            if (writer == null) {
                writer = Thread.ofPlatform().name("poll-records").daemon().start(this::writeGroups);
            }
            queue.add(pending);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Lets the writer commit what is queued, then stop; records that come later commit on their caller's thread. */
    @PreDestroy
    void stop() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
            running = writer;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeGroups() {
        while (true) {
            List<Pending<?>> group = nextGroup();
            if (group.isEmpty()) {
                return;
            }
            write(group);
        }
    }

    /**
     * The next group: what is queued once it fills a group, once every poll about to record has (while only records
     * whose callers wait are queued), or once the first queued record's wait is over.
     */
    private List<Pending<?>> nextGroup() {
        lock.lock();
        try {
            while (queue.isEmpty() && !stopped) {
                changed.awaitUninterruptibly();
            }
            while (!stopped && queue.size() < MAX_GROUP && !everyExpectedIn()) {
                long left = firstDue() - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            return takeGroup();
        } catch (InterruptedException e) {
            // Nobody interrupts the writer; should something, it commits what it has rather than lose a record.
            return takeGroup();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue holds only records whose callers wait, and as many as polls are about to record. */
    private boolean everyExpectedIn() {
        return queue.stream().allMatch(pending -> pending.callerWaits) && queue.size() >= expected;
    }

    /** When the queued record that may wait least must be committed. */
    private long firstDue() {
        return queue.stream().mapToLong(pending -> pending.due).min().orElse(System.nanoTime());
    }

    private List<Pending<?>> takeGroup() {
        List<Pending<?>> group = new ArrayList<>();
        while (!queue.isEmpty() && group.size() < MAX_GROUP) {
            group.add(queue.poll());
        }
        return group;
    }

    private static void write(List<Pending<?>> group) {
        if (group.size() > 1) {
            try {
                QuarkusTransaction.requiringNew().run(() -> group.forEach(Pending::run));
                group.forEach(Pending::succeed);
                return;
            } catch (Throwable e) {
                LOG.debugf(e, "a group of %d poll records was refused; each is written on its own", group.size());
            }
        }
        for (Pending<?> pending : group) {
            try {
                QuarkusTransaction.requiringNew().run(pending::run);
                pending.succeed();
            } catch (Throwable e) {
                pending.fail(e);
            }
        }
    }

    /** Closed when the poll has recorded or will not. */
    @FunctionalInterface
    interface Expected extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One record waiting for its group's commit; what it returned counts only once that commit succeeded. A caller that
     * waits learns of a refusal from {@link #await}; one that does not, from {@code refused}.
     */
    private static final class Pending<T> {

        private final Supplier<T> work;
        private final long waitNanos;
        private final long due;
        private final boolean callerWaits;
        private final Consumer<Throwable> refused;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T value;

        Pending(Supplier<T> work, long waitNanos, boolean callerWaits, Consumer<Throwable> refused) {
            this.work = work;
            this.waitNanos = waitNanos;
            this.due = System.nanoTime() + waitNanos;
            this.callerWaits = callerWaits;
            this.refused = refused;
        }

        void run() {
            value = work.get();
        }

        void succeed() {
            outcome.complete(value);
        }

        void fail(Throwable e) {
            outcome.completeExceptionally(e);
            refused.accept(e);
        }

        T await() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
