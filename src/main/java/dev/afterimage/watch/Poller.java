package dev.afterimage.watch;

import dev.afterimage.archive.ObservedPost;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PermalinkAnswer;
import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PostReconciler;
import dev.afterimage.detect.Reconciliation;
import dev.afterimage.detect.Suspect;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.PostSources;
import dev.afterimage.source.SourcePost;
import dev.afterimage.spend.XSpendMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One poll of one account: read the listing over the watch window, ask the permalinks of suspects and of old
 * posts due a re-check, download new media, then record it all in one transaction. All network work happens
 * before the transaction, so no database lock is held while a platform is slow; the permalinks are asked before
 * the media are downloaded, so a slow download cannot delay a deletion being confirmed.
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
    private final XSpendMeter spend;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    Poller(
            PostSources sources,
            MediaCollector media,
            PostReconciler reconciler,
            PollRecorder recorder,
            WatchConfig config,
            Clock clock,
            XSpendMeter spend) {
        this.spend = spend;
        this.sources = sources;
        this.media = media;
        this.reconciler = reconciler;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
        this.walker = new ListingWalker(config.maxPages(), clock);
    }

    /**
     * A scheduled poll: skipped while a spend budget slows the account's platform (X), so the budget is honoured by
     * polling less often, never by ignoring pushed events, which call {@link #poll(long, Set)} directly.
     *
     * @return the poll's summary, or empty when it was skipped for the budget
     */
    public Optional<PollSummary> pollScheduled(long accountId) {
        if (deferredByBudget(accountId)) {
            return Optional.empty();
        }
        return Optional.of(poll(accountId));
    }

    @Transactional
    boolean deferredByBudget(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new AccountNotFoundException(accountId);
        }
        return account.platform == Platform.X && spend.defers(account.lastPollStartedAt, account.pollInterval());
    }

    /** Polls the account now; when a poll of it is already running, waits for that one to finish first. */
    public PollSummary poll(long accountId) {
        return poll(accountId, Set.of());
    }

    /**
     * Polls the account now, asking also about the posts the platform pushed a deletion notice for, whatever their
     * age: the notice only makes them suspects, and the platform's own answer about each decides.
     */
    public PollSummary poll(long accountId, Set<String> pushedDeletions) {
        ReentrantLock lock = locks.computeIfAbsent(accountId, id -> new ReentrantLock());
        try {
            if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new PollInProgressException(accountId, LOCK_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PollInProgressException(accountId, 0);
        }
        try {
            AccountRef account = target(accountId);
            Instant startedAt = clock.instant();
            try {
                return pollOnce(accountId, account, startedAt, pushedDeletions);
            } catch (AccountNotFoundException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.errorf(e, "poll of account %d failed; recorded as unknown", accountId);
                return recordFailure(accountId, startedAt, "the poll failed: " + e);
            }
        } finally {
            lock.unlock();
        }
    }

    private PollSummary pollOnce(long accountId, AccountRef account, Instant startedAt, Set<String> pushedDeletions) {
        PostSource source = sources.of(account.platform());
        Instant windowStart = startedAt.minus(config.window());
        ListingWalk walk = walker.walk(source, account, windowStart);
        ListingOutcome listing = walk.outcome();
        Set<String> seenIds =
                walk.posts().stream().map(SourcePost::platformPostId).collect(Collectors.toSet());
        List<Suspect> suspects = List.of();
        List<Suspect> rechecks = List.of();
        if (listing instanceof ListingOutcome.Listed listed) {
            if (walk.posts().isEmpty() && reconciler.hasLivePosts(accountId)) {
                // A parser that sees no posts is broken until the permalinks say otherwise: the poll failed, but
                // the permalinks of the posts in the window are still asked, since a wiped channel is a real event.
                listing = new ListingOutcome.Unknown("the listing showed no posts where archived posts are live");
                suspects = reconciler.suspects(accountId, windowStart, Set.of());
            } else {
                suspects = reconciler.suspects(accountId, listed.coveredFrom(), seenIds);
                rechecks = reconciler.dueForRecheck(accountId, listed.coveredFrom(), seenIds, startedAt);
            }
            if (!pushedDeletions.isEmpty()) {
                List<Suspect> withPushed = new ArrayList<>(suspects);
                Set<String> already =
                        suspects.stream().map(Suspect::platformPostId).collect(Collectors.toSet());
                reconciler.pushedSuspects(accountId, pushedDeletions, seenIds).stream()
                        .filter(pushed -> !already.contains(pushed.platformPostId()))
                        .forEach(withPushed::add);
                suspects = withPushed;
            }
        }
        Map<String, PermalinkAnswer> answers = new LinkedHashMap<>(ask(source, account, suspects, true));
        ask(source, account, rechecks, false).forEach(answers::putIfAbsent);

        List<MediaCollector.Collected> collected = new ArrayList<>();
        List<ObservedPost> seen = new ArrayList<>();
        if (listing instanceof ListingOutcome.Listed) {
            for (SourcePost post : walk.posts()) {
                ListingWalk.Sighting sighting = walk.pageOf().get(post.platformPostId());
                List<ObservedPost> earlier = post.earlierVersions().stream()
                        .map(version -> observe(version, sighting, collected, List.of()))
                        .toList();
                seen.add(observe(post, sighting, collected, earlier));
            }
        }

        PollOutcome outcome = outcomeOf(listing);
        String detail = detailOf(listing);
        PollObservation observation = new PollObservation(accountId, startedAt, listing, seen, answers);
        Optional<String> identity =
                listing instanceof ListingOutcome.Listed ? source.accountIdentity(account) : Optional.empty();
        Reconciliation result =
                recorder.record(observation, outcome, detail, identity).orElse(Reconciliation.NOTHING);
        if (outcome != PollOutcome.OK) {
            LOG.infof("poll of %s/%s: %s (%s)", account.platform().apiName(), account.handle(), outcome, detail);
        }
        return new PollSummary(
                accountId,
                startedAt,
                clock.instant(),
                outcome,
                detail,
                walk.pagesFetched(),
                walk.posts().size(),
                result.newPosts(),
                result.newVersions(),
                suspects.size(),
                rechecks.size(),
                result.deleted(),
                result.restored(),
                (int) observation.unanswered(),
                (int) collected.stream()
                        .filter(MediaCollector.Collected::downloaded)
                        .count(),
                (int) collected.stream()
                        .filter(MediaCollector.Collected::failed)
                        .count(),
                result.events());
    }

    private ObservedPost observe(
            SourcePost post,
            ListingWalk.Sighting sighting,
            List<MediaCollector.Collected> collected,
            List<ObservedPost> earlier) {
        List<MediaCollector.Collected> items =
                post.media().stream().map(media::collect).toList();
        collected.addAll(items);
        return new ObservedPost(
                post,
                items.stream().map(MediaCollector.Collected::media).toList(),
                sighting.pageUrl(),
                sighting.fetchedAt(),
                sighting.capture(),
                earlier);
    }

    /** Asks about the posts in one go, so a platform that answers many ids per request is asked once. */
    private Map<String, PermalinkAnswer> ask(
            PostSource source, AccountRef account, List<Suspect> posts, boolean missedByListing) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        Instant askedAt = clock.instant();
        Map<String, PermalinkCheck> checks =
                source.checkAll(account, posts.stream().map(Suspect::ref).toList());
        Map<String, PermalinkAnswer> answers = new LinkedHashMap<>();
        for (Suspect post : posts) {
            PermalinkCheck check = checks.getOrDefault(
                    post.platformPostId(), new PermalinkCheck.Unknown("the source gave no answer for this post"));
            answers.put(post.platformPostId(), new PermalinkAnswer(check, askedAt, missedByListing));
        }
        return answers;
    }

    /** A poll that broke still counts, as unknown, so a watch that keeps breaking is reported as failing. */
    private PollSummary recordFailure(long accountId, Instant startedAt, String detail) {
        PollObservation failed =
                new PollObservation(accountId, startedAt, new ListingOutcome.Unknown(detail), List.of(), Map.of());
        recorder.record(failed, PollOutcome.UNKNOWN, detail);
        return new PollSummary(
                accountId, startedAt, clock.instant(), PollOutcome.UNKNOWN, detail, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
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
