package dev.afterimage.watch;

import dev.afterimage.archive.ObservedPost;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PostReconciler;
import dev.afterimage.detect.Reconciliation;
import dev.afterimage.detect.Suspect;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.PostSources;
import dev.afterimage.source.SourcePost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One poll of one account: read the listing over the watch window, download new media, ask the permalinks of
 * suspects and of old posts due a re-check, then record it all in one transaction. All network work happens
 * before the transaction, so no database lock is held while a platform is slow.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    /** A manual poll waits this long for a running one of the same account rather than failing at once. */
    private static final long LOCK_WAIT_SECONDS = 120;

    private final PostSources sources;
    private final MediaCollector media;
    private final PostReconciler reconciler;
    private final PollRecorder recorder;
    private final WatchConfig config;
    private final Clock clock;
    private final ListingWalker walker;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    Poller(PostSources sources, MediaCollector media, PostReconciler reconciler, PollRecorder recorder, WatchConfig config, Clock clock) {
        this.sources = sources;
        this.media = media;
        this.reconciler = reconciler;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
        this.walker = new ListingWalker(config.maxPages());
    }

    /** Polls the account now; when a poll of it is already running, waits for that one to finish first. */
    public PollSummary poll(long accountId) {
        ReentrantLock lock = locks.computeIfAbsent(accountId, id -> new ReentrantLock());
        try {
            if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a poll of account " + accountId + " has been running for over " + LOCK_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to poll account " + accountId, e);
        }
        try {
            return pollLocked(accountId);
        } finally {
            lock.unlock();
        }
    }

    private PollSummary pollLocked(long accountId) {
        AccountRef account = target(accountId);
        PostSource source = sources.of(account.platform());
        Instant startedAt = clock.instant();
        ListingWalk walk = walker.walk(source, account, startedAt.minus(config.window()));
        ListingOutcome listing = walk.outcome();
        if (listing instanceof ListingOutcome.Listed && walk.posts().isEmpty() && reconciler.hasLivePosts(accountId)) {
            listing = new ListingOutcome.Unknown("the listing showed no posts where archived posts are live: taken as a failure, not as deletions");
        }

        List<MediaCollector.Collected> collected = new ArrayList<>();
        List<ObservedPost> seen = new ArrayList<>();
        Map<String, PermalinkCheck> checks = new LinkedHashMap<>();
        int suspects = 0;
        int rechecks = 0;
        if (listing instanceof ListingOutcome.Listed listed) {
            for (SourcePost post : walk.posts()) {
                List<MediaCollector.Collected> items = post.media().stream().map(media::collect).toList();
                collected.addAll(items);
                seen.add(new ObservedPost(post, items.stream().map(MediaCollector.Collected::media).toList(),
                        walk.pageOf().get(post.platformPostId())));
            }
            Set<String> seenIds = walk.posts().stream().map(SourcePost::platformPostId).collect(Collectors.toSet());
            List<Suspect> suspectList = reconciler.suspects(accountId, listed.coveredFrom(), seenIds);
            List<Suspect> recheckList = reconciler.dueForRecheck(accountId, listed.coveredFrom(), seenIds, startedAt);
            suspects = suspectList.size();
            rechecks = recheckList.size();
            for (Suspect suspect : suspectList) {
                checks.put(suspect.platformPostId(), source.check(account, suspect.platformPostId()));
            }
            for (Suspect due : recheckList) {
                checks.putIfAbsent(due.platformPostId(), source.check(account, due.platformPostId()));
            }
        }

        PollOutcome outcome = outcomeOf(listing);
        String detail = detailOf(listing);
        Reconciliation result;
        try {
            result = recorder.record(new PollObservation(accountId, listing, seen, checks), outcome, detail);
        } catch (AccountNotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "recording the poll of account %d failed; recording it as unknown", accountId);
            outcome = PollOutcome.UNKNOWN;
            detail = "recording the poll failed: " + e;
            result = recorder.record(new PollObservation(accountId, new ListingOutcome.Unknown(detail), List.of(), Map.of()), outcome, detail);
        }
        if (outcome != PollOutcome.OK) {
            LOG.infof("poll of %s/%s: %s (%s)", account.platform().apiName(), account.handle(), outcome, detail);
        }
        long unknownChecks = checks.values().stream().filter(PermalinkCheck.Unknown.class::isInstance).count();
        return new PollSummary(accountId, startedAt, clock.instant(), outcome, detail, walk.pagesFetched(),
                walk.posts().size(), result.newPosts(), result.newVersions(), suspects, rechecks, result.deleted(),
                result.restored(), (int) unknownChecks, (int) collected.stream().filter(MediaCollector.Collected::downloaded).count(),
                (int) collected.stream().filter(MediaCollector.Collected::failed).count(), result.events());
    }

    @Transactional
    AccountRef target(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new AccountNotFoundException(accountId);
        }
        return account.ref();
    }

    private static PollOutcome outcomeOf(ListingOutcome listing) {
        return switch (listing) {
            case ListingOutcome.Listed listed -> listed.complete() ? PollOutcome.OK : PollOutcome.PARTIAL;
            case ListingOutcome.AccountGone gone -> PollOutcome.ACCOUNT_GONE;
            case ListingOutcome.Unknown unknown -> PollOutcome.UNKNOWN;
        };
    }

    private static String detailOf(ListingOutcome listing) {
        return switch (listing) {
            case ListingOutcome.Listed listed -> listed.incompleteReason();
            case ListingOutcome.AccountGone gone -> gone.evidence();
            case ListingOutcome.Unknown unknown -> unknown.reason();
        };
    }
}
