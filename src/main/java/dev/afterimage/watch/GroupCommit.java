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
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Commits the records of polls that end at about the same time in one transaction. A poll's record is a short write
 * transaction whose commit is most of its cost: on H2 (with {@code WRITE_DELAY=0}) every commit writes the pages it
 * changed to the file before it returns, and the records of accounts polled together change the same pages (the
 * accounts', the schedule's index). A caller still returns only once its own record is committed.
 *
 * <p>One writer thread commits the groups. A record waits for others only while polls whose pages are in are still
 * to record, and at most {@code afterimage.watch.record-linger}: a lone poll commits at once. A group the database
 * refuses is written again record by record, each in its own transaction, so one bad record costs only itself.
 */
@ApplicationScoped
class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Bounds the rows one transaction locks, and the wait of the group's first record once polls run back to back. */
    private static final int MAX_GROUP = 32;

    /** With no linger nothing waits for polls about to record, so they need not be counted. */
    private static final Expected NOTHING_EXPECTED = () -> {};

    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private int expected;
    private boolean stopped;
    private Thread writer;

    GroupCommit(WatchConfig config) {
        this.lingerNanos = config.recordLinger().toNanos();
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
        Pending<T> pending = new Pending<>(work);
        boolean queued;
        lock.lock();
        try {
            queued = lingerNanos > 0 && !stopped;
            if (queued) {
                if (writer == null) {
                    writer = Thread.ofPlatform().name("poll-records").daemon().start(this::writeGroups);
                }
                queue.add(pending);
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        return queued ? pending.await() : QuarkusTransaction.requiringNew().call(work::get);
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

    /** The next group: what is queued once every poll about to record has, or the linger is over. */
    private List<Pending<?>> nextGroup() {
        lock.lock();
        try {
            while (queue.isEmpty() && !stopped) {
                changed.awaitUninterruptibly();
            }
            long deadline = System.nanoTime() + lingerNanos;
            while (!stopped && queue.size() < Math.min(expected, MAX_GROUP)) {
                long left = deadline - System.nanoTime();
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

    /** One record waiting for its group's commit; what it returned counts only once that commit succeeded. */
    private static final class Pending<T> {

        private final Supplier<T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T value;

        Pending(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            value = work.get();
        }

        void succeed() {
            outcome.complete(value);
        }

        void fail(Throwable e) {
            outcome.completeExceptionally(e);
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
