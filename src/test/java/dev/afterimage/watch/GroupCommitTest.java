package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Poll records that end together share one commit, each caller still returning only once its own record is
 * committed; a lone one does not wait; a refused one costs only itself. Records written later leave their callers at
 * once and are committed together when their window is over, or the writer stops. The linger and window here are
 * long (30 s), so that whether a record waited is plain from whether it returned or committed, not from a measured
 * time.
 */
@QuarkusTest
class GroupCommitTest {

    private static final Duration LONG_LINGER = Duration.ofSeconds(30);

    @Inject
    WatchConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Each record's transaction, and how it ended, by the record's name. */
    private final Map<String, Object> transactionOf = new ConcurrentHashMap<>();

    private final Map<String, Integer> endOf = new ConcurrentHashMap<>();
    private final List<GroupCommit> started = new ArrayList<>();

    @AfterEach
    void stopWriters() {
        started.forEach(GroupCommit::stop);
    }

    @Test
    void recordsOfPollsEndingTogetherShareOneCommitAndEachCallerGetsItsOwnResult() throws Exception {
        GroupCommit commits = lingering(LONG_LINGER);
        List<GroupCommit.Expected> polls = List.of(commits.expect(), commits.expect(), commits.expect());

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commits.commit(() -> record("a")));
        Thread.sleep(300);
        assertFalse(first.isDone(), "the first record waits for the two polls still to record");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> commits.commit(() -> record("b")));
        String third = commits.commit(() -> record("c"));

        assertEquals("a", first.get(10, TimeUnit.SECONDS));
        assertEquals("b", second.get(10, TimeUnit.SECONDS));
        assertEquals("c", third);
        assertEquals(1, transactionOf.values().stream().distinct().count(), "one transaction: " + transactionOf);
        assertEquals(
                Map.of("a", Status.STATUS_COMMITTED, "b", Status.STATUS_COMMITTED, "c", Status.STATUS_COMMITTED),
                endOf);
        polls.forEach(GroupCommit.Expected::close);
    }

    @Test
    void aLonePollCommitsAtOnce() throws Exception {
        GroupCommit commits = lingering(LONG_LINGER);

        GroupCommit.Expected poll = commits.expect();
        CompletableFuture<String> alone = CompletableFuture.supplyAsync(() -> commits.commit(() -> record("a")));
        assertEquals("a", alone.get(10, TimeUnit.SECONDS), "no other poll is running: nothing to wait for");
        poll.close();
        assertEquals(Status.STATUS_COMMITTED, endOf.get("a"));
    }

    @Test
    void aRecordTheDatabaseRefusesCostsOnlyItself() throws Exception {
        GroupCommit commits = lingering(LONG_LINGER);
        List<GroupCommit.Expected> polls = List.of(commits.expect(), commits.expect(), commits.expect());

        CompletableFuture<String> good = CompletableFuture.supplyAsync(() -> commits.commit(() -> record("good")));
        CompletableFuture<String> bad = CompletableFuture.supplyAsync(() -> commits.commit(() -> {
            record("bad");
            throw new IllegalStateException("refused");
        }));
        String alsoGood = commits.commit(() -> record("also good"));

        assertEquals("good", good.get(10, TimeUnit.SECONDS));
        assertEquals("also good", alsoGood);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, refused.getCause());
        assertEquals("refused", refused.getCause().getMessage());
        assertEquals(Status.STATUS_COMMITTED, endOf.get("good"), "written again on its own, and committed");
        assertEquals(Status.STATUS_COMMITTED, endOf.get("also good"));
        assertEquals(Status.STATUS_ROLLEDBACK, endOf.get("bad"));
        assertNotEquals(transactionOf.get("good"), transactionOf.get("also good"));
        polls.forEach(GroupCommit.Expected::close);
    }

    @Test
    void withoutALingerEachRecordCommitsOnItsCallersThread() {
        GroupCommit commits = lingering(Duration.ZERO);
        Thread caller = Thread.currentThread();

        List<GroupCommit.Expected> polls = List.of(commits.expect(), commits.expect());

        assertTrue(commits.commit(() -> Thread.currentThread() == caller));
        polls.forEach(GroupCommit.Expected::close);
    }

    @Test
    void recordsWrittenLaterLeaveTheirCallersAtOnceAndShareOneCommit() {
        GroupCommit commits = writingLater(LONG_LINGER);
        List<Throwable> refusals = new CopyOnWriteArrayList<>();

        commits.later(() -> record("a"), refusals::add);
        commits.later(() -> record("b"), refusals::add);
        commits.later(() -> record("c"), refusals::add);
        assertEquals(Map.of(), endOf, "nothing committed yet: the window is not over");

        commits.stop();
        assertEquals(
                Map.of("a", Status.STATUS_COMMITTED, "b", Status.STATUS_COMMITTED, "c", Status.STATUS_COMMITTED),
                endOf,
                "stopping writes what waits");
        assertEquals(1, transactionOf.values().stream().distinct().count(), "one transaction: " + transactionOf);
        assertEquals(List.of(), refusals);
    }

    @Test
    void aRecordWrittenLaterIsCommittedOnceItsWindowIsOver() throws Exception {
        GroupCommit commits = writingLater(Duration.ofMillis(200));

        commits.later(() -> record("a"), e -> {});

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!endOf.containsKey("a") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Status.STATUS_COMMITTED, endOf.get("a"), "committed with nobody else to wait for");
    }

    @Test
    void aRecordWrittenLaterThatTheDatabaseRefusesIsToldAndCostsOnlyItself() {
        GroupCommit commits = writingLater(LONG_LINGER);
        List<Throwable> refusals = new CopyOnWriteArrayList<>();

        commits.later(() -> record("good"), refusals::add);
        commits.later(
                () -> {
                    record("bad");
                    throw new IllegalStateException("refused");
                },
                refusals::add);
        commits.later(() -> record("also good"), refusals::add);
        commits.stop();

        assertEquals(Status.STATUS_COMMITTED, endOf.get("good"), "written again on its own, and committed");
        assertEquals(Status.STATUS_COMMITTED, endOf.get("also good"));
        assertEquals(Status.STATUS_ROLLEDBACK, endOf.get("bad"));
        assertEquals(1, refusals.size(), "only the refused record is told: " + refusals);
        assertEquals("refused", refusals.getFirst().getMessage());
    }

    @Test
    void withoutAWindowARecordWrittenLaterCommitsBeforeItsCallerGoesOn() {
        GroupCommit commits = writingLater(Duration.ZERO);
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();

        commits.later(
                () -> {
                    ranOn.add(Thread.currentThread());
                    record("a");
                },
                e -> {});

        assertEquals(List.of(caller), ranOn);
        assertEquals(Status.STATUS_COMMITTED, endOf.get("a"));
    }

    /** Notes the transaction the record runs in and how it ends; returns the record's name. */
    private String record(String name) {
        transactionOf.put(name, transactions.getTransactionKey());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                endOf.put(name, status);
            }
        });
        return name;
    }

    private GroupCommit lingering(Duration linger) {
        return configured(linger, Duration.ZERO);
    }

    private GroupCommit writingLater(Duration within) {
        return configured(Duration.ZERO, within);
    }

    private GroupCommit configured(Duration linger, Duration unreadWithin) {
        WatchConfig lingeringConfig = (WatchConfig) Proxy.newProxyInstance(
                WatchConfig.class.getClassLoader(),
                new Class<?>[] {WatchConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "recordLinger" -> linger;
                    case "unreadRecordWithin" -> unreadWithin;
                    default -> method.invoke(config, args);
                });
        GroupCommit commits = new GroupCommit(lingeringConfig);
        started.add(commits);
        return commits;
    }
}
