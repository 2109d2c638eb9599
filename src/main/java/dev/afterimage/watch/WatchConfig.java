package dev.afterimage.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How accounts are polled. */
@ConfigMapping(prefix = "afterimage.watch")
public interface WatchConfig {

    /** Poll interval of an account that does not name one; 60 s finds a deletion within two minutes. */
    @WithDefault("PT60S")
    Duration defaultPollInterval();

    /** The shortest interval an account may ask for, to stay a polite client of the platform. */
    @WithDefault("PT10S")
    Duration minPollInterval();

    /** The longest interval an account may ask for: a watch that looks once a week is no watch. */
    @WithDefault("P1D")
    Duration maxPollInterval();

    /** Share of the interval by which each account's schedule is shifted at random, so accounts do not poll in lockstep. */
    @WithDefault("0.2")
    double jitter();

    /** How far back each poll walks the listing; a post that vanishes within this window is noticed within one poll. */
    @WithDefault("P7D")
    Duration window();

    /** Most listing pages one poll may read, so a prolific account cannot make one poll endless. */
    @WithDefault("20")
    int maxPages();

    /** Whether accounts are polled on their schedule; off only in tests that drive polls by hand. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /**
     * Claim loops each instance runs, each taking a turn at most every {@link #claimEvery()}; one keeps up with the poll
     * threads of an instance, and an embedded H2 database serves one loop best.
     */
    @WithDefault("1")
    int claimers();

    /**
     * The longest pause between two turns of a claimer, the most a due poll waits for an idle instance to notice it;
     * each pause is drawn between half of it and all of it ({@link ClaimPause}).
     */
    @WithDefault("1s")
    Duration claimEvery();

    /** Accounts one claim takes at most, in one short transaction. */
    @WithDefault("100")
    int claimBatch();

    /**
     * Polls one instance runs at once; claimers take no more due accounts than it has free. A poll spends most of its
     * time waiting for the platform and the database: at 10,000 accounts on PostgreSQL, 16 made 134 polls a second of
     * the 167 due while the service used half a core (docs/scheduling.md). The database pool
     * ({@code quarkus.datasource.jdbc.max-size}) has room for all of them.
     */
    @WithDefault("32")
    int pollThreads();

    /**
     * How long a claim holds without renewal. An instance renews its claims while it polls; when it dies, its accounts
     * are claimable again this long after its last renewal, well within one poll interval.
     */
    @WithDefault("30s")
    Duration claimLease();

    /** How long an account goes without a post before it is polled less often (see {@link PollCadence}). */
    @WithDefault("P1D")
    Duration quietAfter();

    /** The longest wait between polls of a quiet account; an interval as long or longer turns adaptive cadence off. */
    @WithDefault("15m")
    Duration quietMaxInterval();

    /**
     * How long stopping waits for polls in progress, told to wrap up, to record what they have; polls still running
     * after it are left to the next start, their claims given back.
     */
    @WithDefault("20s")
    Duration shutdownGrace();

    /** A YAML file listing accounts to watch, applied at start-up and whenever it changes. */
    Optional<Path> watchlist();

    /** How often the watchlist file is looked at for changes: one cheap read, quick enough for a person editing it. */
    @WithDefault("10s")
    Duration watchlistCheckEvery();

    /**
     * Listed posts archived per transaction: a first archive of tens of thousands of posts is written in short
     * transactions, none holding a lock long enough to keep another account's poll waiting; small enough that the
     * work Hibernate repeats per post over the batch's entities (dirty checks before each query) stays cheap.
     */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a poll's record may wait for the records of other polls whose pages are in, to share their commit (see
     * {@link GroupCommit}); only while such polls are about to record, so a lone poll never waits. 0 (the default)
     * commits each on its own: the CPU it saved at 2,000 and 10,000 accounts could not be told from the host's noise
     * (docs/scheduling.md).
     */
    @WithDefault("0ms")
    Duration recordLinger();

    /**
     * How long the record of a scheduled poll that took its page unread (it observed nothing new) may wait, in the
     * background, to share its commit with others (see {@link GroupCommit#later}); the poll does not wait for it. A
     * crash in that time loses only that the posts were seen again then: the next poll notes it. 0 records such a poll
     * before it returns, as any other.
     */
    @WithDefault("1s")
    Duration unreadRecordWithin();

    /**
     * How long one poll may run before it stops asking, records what it has and ends as unknown; well above a normal
     * poll (seconds), below the time a stuck one would hold its account.
     */
    @WithDefault("PT5M")
    Duration pollDeadline();

    /** Media downloads one poll may start; the rest wait for later polls, so a post-heavy listing stays a short poll. */
    @WithDefault("50")
    int maxMediaFetchesPerPoll();

    /** Waits before an owed media URL is tried again, after its 1st, 2nd, 3rd... failure (the last one repeats). */
    @WithDefault("PT1M,PT10M,PT1H,P1D")
    List<Duration> mediaRetryDelays();

    /** After this long failing, an owed media URL is no longer tried: the file is not coming back. */
    @WithDefault("P30D")
    Duration mediaRetryFor();
}
