package dev.afterimage.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Polls every enabled account when it is due. Due times live in one table ({@link PollClaims}); every instance runs
 * its own claim loop, which about every second claims due accounts in batches (with {@code FOR UPDATE SKIP LOCKED}), as
 * many as the instance has poll threads free. The table's claims and leases decide which instance polls an account,
 * and a dead instance's accounts are claimable again when its leases lapse. See docs/scheduling.md.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    /** How late a scheduled poll starts against when it was due. */
    static final String LAG_METRIC = "afterimage.poll.lag";

    /** How long a claim loop waits at a time for slots to come free before it looks at the queue again. */
    private static final Duration GATHER_STEP = Duration.ofMillis(5);

    /** Quarkus's own default for {@code quarkus.datasource.jdbc.max-size}, where application.properties sets none. */
    private static final int QUARKUS_DEFAULT_POOL = 20;

    private final Scheduler quartz;
    private final WatchConfig config;
    private final PollClaims claims;
    private final Poller poller;
    private final GroupCommit commits;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final PollCadence cadence;
    private final ClaimPause claimPause;
    private final Config settings;
    private final Set<Long> polling = ConcurrentHashMap.newKeySet();
    /** A poll thread, or a place in the queue before them: claimed accounts wait there for the next free thread. */
    private Semaphore slots;

    /** The fewest free slots a busy claim loop gathers before it claims: half the queue's places. */
    private int minimumBatch;

    private ThreadPoolExecutor pool;
    private ScheduledExecutorService renewals;
    private ScheduledThreadPoolExecutor claimLoops;
    private volatile boolean stopping;

    PollScheduler(
            Scheduler quartz,
            WatchConfig config,
            PollClaims claims,
            Poller poller,
            GroupCommit commits,
            MeterRegistry metrics,
            Config settings) {
        this.quartz = quartz;
        this.settings = settings;
        this.config = config;
        this.claims = claims;
        this.poller = poller;
        this.commits = commits;
        this.metrics = metrics;
        // Due times follow the wall clock, as Quartz's triggers did: instances compare them in a shared table, and
        // a test that moves the service's clock through days must not make every account due at once.
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
        this.cadence = new PollCadence(config.quietAfter(), config.quietMaxInterval());
        this.claimPause = new ClaimPause(config.claimEvery());
        // Registered before the first scheduled poll, so a dashboard shows the lag of none rather than no data.
        metrics.timer(LAG_METRIC);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            return;
        }
        new ConnectionBudget(
                        config.pollThreads(),
                        config.claimers(),
                        settings.getOptionalValue("quarkus.datasource.jdbc.max-size", Integer.class)
                                .orElse(QUARKUS_DEFAULT_POOL))
                .shortfall()
                .ifPresent(LOG::warn);
        int queued = Math.max(1, config.pollThreads() / 2);
        minimumBatch = (queued + 1) / 2;
        slots = new Semaphore(config.pollThreads() + queued);
        AtomicInteger threadNumber = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                config.pollThreads(),
                config.pollThreads(),
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                task -> new Thread(task, "poll-" + threadNumber.incrementAndGet()));
        renewals = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "poll-claim-renewal"));
        long renewEvery = Math.max(1, config.claimLease().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewClaims, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        synchronise();
        AtomicInteger loopNumber = new AtomicInteger();
        claimLoops = new ScheduledThreadPoolExecutor(
                config.claimers(), task -> new Thread(task, "poll-claims-" + loopNumber.incrementAndGet()));
        claimLoops.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long everyMillis = config.claimEvery().toMillis();
        for (int i = 0; i < config.claimers(); i++) {
            nextTurn(everyMillis * i / config.claimers());
        }
    }

    /** Each turn schedules the next, after a pause drawn anew ({@link ClaimPause}), whatever went wrong in it. */
    private void nextTurn(long delayMillis) {
        try {
            claimLoops.schedule(this::claimTurn, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("the instance began to stop during a turn of claiming; the claim loop ends");
        }
    }

    private void claimTurn() {
        try {
            claimDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "a turn of claiming due polls failed; the next one tries again");
        }
        if (!stopping) {
            nextTurn(claimPause.nextMillis(ThreadLocalRandom.current()));
        }
    }

    /**
     * Stops claiming, tells the polls in progress to wrap up and waits for them, then gives back this instance's
     * claims so other instances need not wait for the leases to run out. All of it happens while the database is
     * still open.
     */
    void onStop(@Observes ShutdownEvent event) {
        if (pool == null) {
            return;
        }
        stopping = true;
        claimLoops.shutdown();
        // Claimed but not started: given back due as they were, not polled in a hurry.
        List<Runnable> waiting = new ArrayList<>();
        pool.getQueue().drainTo(waiting);
        List<PollClaims.Claim> unstarted =
                waiting.stream().map(task -> ((ClaimedPoll) task).claim()).toList();
        unstarted.forEach(claim -> polling.remove(claim.accountId()));
        poller.wrapUp();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf(
                        "%d polls still running after %s; their accounts are polled again after the restart",
                        polling.size(), config.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renewals.shutdownNow();
        // Records written in the background are written now, while the database is still open.
        commits.stop();
        try {
            claims.giveBack(node(), unstarted);
            claims.releaseAll(node());
        } catch (RuntimeException e) {
            LOG.warnf("could not give back the claims of this instance; they lapse after %s", config.claimLease());
        }
    }

    /** Makes the due-work table match the accounts: every enabled account on it, no other. */
    public void synchronise() {
        QuarkusTransaction.requiringNew()
                .run(() -> claims.synchronise(clock.instant(), Duration.ofMillis((long)
                        (config.jitter() * config.defaultPollInterval().toMillis()))));
    }

    /**
     * Puts an account on the schedule, first due after a random part of its interval so accounts do not poll in
     * lockstep; one already on it is brought forward when its new interval is shorter.
     */
    @Transactional
    public void schedule(long accountId, Duration interval) {
        if (!config.schedulerEnabled()) {
            return;
        }
        Instant now = clock.instant();
        long offsetMillis = (long) (ThreadLocalRandom.current().nextDouble() * config.jitter() * interval.toMillis());
        claims.schedule(accountId, now.plusMillis(offsetMillis));
        claims.dueBy(accountId, now.plus(interval));
    }

    @Transactional
    public void unschedule(long accountId) {
        claims.unschedule(accountId);
    }

    /** Whether polls of the account are scheduled, and at what interval. */
    @Transactional
    public Optional<Duration> scheduledInterval(long accountId) {
        if (!claims.scheduled(accountId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(Account.<Account>findById(accountId)).map(Account::pollInterval);
    }

    /**
     * One turn of a claim loop: claims due accounts as slots come free, until nothing is due or the turn is over. The
     * queue of claimed accounts keeps the poll threads busy while a claim runs, so claims can wait to be worth their
     * transaction: a busy instance claims a batch of at least half its queue rather than one account per freed thread.
     */
    void claimDue() {
        if (pool == null) {
            return;
        }
        long turnEnds = System.nanoTime() + config.claimEvery().toNanos();
        while (!stopping && System.nanoTime() < turnEnds) {
            int free = takeSlots(turnEnds);
            if (free == 0) {
                continue;
            }
            Instant now = clock.instant();
            List<PollClaims.Claim> claimed;
            try {
                claimed = claims.claim(node(), now, free, now.plus(config.claimLease()), cadence);
            } catch (RuntimeException e) {
                slots.release(free);
                LOG.warnf("could not claim due polls (%s); the next turn tries again", e.getMessage());
                return;
            }
            slots.release(free - claimed.size());
            for (PollClaims.Claim claim : claimed) {
                polling.add(claim.accountId());
                pool.execute(new ClaimedPoll(claim));
            }
            if (claimed.size() < free) {
                return;
            }
        }
    }

    /**
     * Takes free slots, at most a batch: every one free once half the queue is, or as soon as the queue has run dry
     * (a poll thread would otherwise wait), or whatever is free when the turn ends; 0 when none came free.
     */
    private int takeSlots(long turnEnds) {
        int taken = 0;
        try {
            while (!stopping && taken < config.claimBatch()) {
                long waitNanos = Math.min(turnEnds - System.nanoTime(), GATHER_STEP.toNanos());
                if (waitNanos <= 0) {
                    break;
                }
                if (slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                    taken++;
                    int more = Math.min(slots.availablePermits(), config.claimBatch() - taken);
                    if (more > 0 && slots.tryAcquire(more)) {
                        taken += more;
                    }
                }
                if (taken > 0 && (taken >= minimumBatch || pool.getQueue().isEmpty())) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping) {
            slots.release(taken);
            return 0;
        }
        return taken;
    }

    /** A claimed account's poll, queued for the next free poll thread. */
    private final class ClaimedPoll implements Runnable {

        private final PollClaims.Claim claim;

        ClaimedPoll(PollClaims.Claim claim) {
            this.claim = claim;
        }

        PollClaims.Claim claim() {
            return claim;
        }

        @Override
        public void run() {
            PollScheduler.this.run(claim);
        }
    }

    private void run(PollClaims.Claim claim) {
        long accountId = claim.accountId();
        AtomicBoolean concluded = new AtomicBoolean();
        try {
            // How late the poll starts against when it was due: the cost of scheduling made visible.
            metrics.timer(LAG_METRIC).record(Duration.between(claim.due(), clock.instant()));
            try {
                poller.pollScheduled(accountId, new ClaimEnd() {
                    @Override
                    public void withRecord(Optional<Instant> newestPost) {
                        // The outcome and the next due time commit together.
                        conclude(claim, newestPost, claims::releaseWithin);
                        concluded.set(true);
                    }

                    @Override
                    public void alone(Optional<Instant> newestPost) {
                        concluded.set(true);
                        try {
                            conclude(claim, newestPost, claims::release);
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "the claim of account %d could not be given back; it lapses", accountId);
                        }
                    }
                });
            } catch (AccountNotFoundException e) {
                LOG.infof("account %d no longer exists; its polls stopped with it", accountId);
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "poll of account %d failed; it is retried at the next interval", accountId);
            }
            if (!concluded.get()) {
                conclude(claim, Optional.empty(), claims::release);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "the next poll of account %d could not be scheduled; its claim lapses", accountId);
        } finally {
            polling.remove(accountId);
            slots.release();
        }
    }

    /** How a claim is given back: in its own transaction or in the caller's. */
    @FunctionalInterface
    private interface Release {
        void release(String node, long accountId, Instant next, Optional<Instant> postedAt);
    }

    /**
     * The claim already set the account's next due time; most polls leave it so, and their claims lapse on their own.
     */
    private void conclude(PollClaims.Claim claim, Optional<Instant> newest, Release how) {
        Optional<Instant> postedAt = latest(claim.postedAt(), newest);
        Instant now = clock.instant();
        if (!claim.givenBackAfter(postedAt, now, config.claimLease())) {
            return;
        }
        how.release(
                node(),
                claim.accountId(),
                cadence.next(claim.due(), claim.interval(), postedAt, now),
                postedAt.equals(claim.postedAt()) ? Optional.empty() : postedAt);
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(later -> later.isAfter(a.get())).or(() -> a);
    }

    private void renewClaims() {
        try {
            claims.renew(node(), Set.copyOf(polling), clock.instant().plus(config.claimLease()));
        } catch (RuntimeException e) {
            LOG.warnf("could not renew the claims of polls in progress (%s); tried again shortly", e.getMessage());
        }
    }

    /** This instance, as Quartz's cluster knows it. */
    private String node() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler has no instance id", e);
        }
    }
}
