package dev.afterimage.watch;

import dev.afterimage.archive.ObservedPost;
import dev.afterimage.archive.PostAdmission;
import dev.afterimage.archive.StoredMedia;
import dev.afterimage.detect.ListedPost;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PermalinkAnswer;
import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.detect.PollPlan;
import dev.afterimage.detect.PollPlanner;
import dev.afterimage.detect.PollVerdict;
import dev.afterimage.detect.PostReconciler;
import dev.afterimage.detect.Reconciliation;
import dev.afterimage.detect.StandingPlan;
import dev.afterimage.detect.Suspect;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.PostSources;
import dev.afterimage.source.SourcePost;
import dev.afterimage.spend.XSpendMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One poll of one account: read the listing over the watch window, ask the permalinks of suspects and of old
 * posts due a re-check, download new media, then record it all (see {@link PollRecorder}). All network work happens
 * before the writes, so no database lock is held while a platform is slow; the permalinks are asked before the media
 * are downloaded, so a slow download cannot delay a deletion being confirmed. Every post is checked against what the
 * archive can store first: one that cannot is skipped with the reason, never the poll. A poll past its deadline
 * stops asking and downloading, records what it has and ends as unknown.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    /** A manual poll waits this long for a running one of the same account rather than failing at once. */
    private static final long LOCK_WAIT_SECONDS = 120;

    private final PostSources sources;
    private final MediaCollector media;
    private final PollPlanner planner;
    private final PostReconciler reconciler;
    private final PollRecorder recorder;
    private final GroupCommit commits;
    private final WatchConfig config;
    private final Clock clock;
    private final ListingWalker walker;
    private final MeterRegistry metrics;
    private final XSpendMeter spend;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final RepeatedLines repeated = new RepeatedLines();
    private final PageReadings readings = new PageReadings();
    private volatile boolean wrappingUp;

    Poller(
            PostSources sources,
            MediaCollector media,
            PollPlanner planner,
            PostReconciler reconciler,
            PollRecorder recorder,
            GroupCommit commits,
            WatchConfig config,
            Clock clock,
            MeterRegistry metrics,
            XSpendMeter spend) {
        this.spend = spend;
        this.sources = sources;
        this.media = media;
        this.planner = planner;
        this.reconciler = reconciler;
        this.recorder = recorder;
        this.commits = commits;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.walker = new ListingWalker(config.maxPages(), clock);
    }

    /**
     * A scheduled poll: skipped while a spend budget slows the account's platform (X), so the budget is honoured by
     * polling less often, never by ignoring pushed events, which call {@link #poll(long, Set)} directly.
     *
     * @return the poll's summary, or empty when it was skipped for the budget
     */
    public Optional<PollSummary> pollScheduled(long accountId) {
        return pollScheduled(accountId, ClaimEnd.NONE);
    }

    /**
     * A scheduled poll that ends its claim as {@code end} says: in the same commit as the poll's outcome, or on its own
     * when the poll took its page unread, whose record is then written in the background ({@link GroupCommit#later}).
     */
    Optional<PollSummary> pollScheduled(long accountId, ClaimEnd end) {
        return poll(accountId, new Request(Set.of(), end, true));
    }

    /**
     * What a poll was asked for.
     *
     * @param pushedDeletions posts the platform pushed a deletion notice for
     * @param end how the poll ends its claim, when the scheduler claimed it
     * @param scheduled whether the scheduler asked: such a poll may be deferred for a spend budget, and records a page
     *     it took unread in the background
     */
    private record Request(Set<String> pushedDeletions, ClaimEnd end, boolean scheduled) {}

    /** One poll under way: what it was asked for, its place in its account's order and the account as it read it. */
    private record PollRun(Request request, PollRecorder.Ticket ticket) {

        long accountId() {
            return ticket.accountId();
        }

        Instant startedAt() {
            return ticket.startedAt();
        }

        AccountRef account() {
            return ticket.account();
        }
    }

    /** X bills every read: a scheduled poll waits while the month's spend runs ahead of its budget. */
    private boolean deferredByBudget(Account account) {
        return account.platform == Platform.X && spend.defers(account.lastPollStartedAt, account.pollInterval());
    }

    /**
     * Tells the polls in progress and those to come that the service is stopping: each stops asking and downloading,
     * records what it has and ends as unknown, so none is cut off in the middle of a write.
     */
    void wrapUp() {
        wrappingUp = true;
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
        return poll(accountId, new Request(pushedDeletions, ClaimEnd.NONE, false))
                .orElseThrow();
    }

    private Optional<PollSummary> poll(long accountId, Request request) {
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
            Predicate<Account> deferred = request.scheduled() ? this::deferredByBudget : account -> false;
            Optional<PollRecorder.Ticket> started = recorder.begin(accountId, clock.instant(), deferred);
            if (started.isEmpty()) {
                return Optional.empty();
            }
            PollRecorder.Ticket ticket = started.get();
            try {
                return Optional.of(pollOnce(new PollRun(request, ticket)));
            } catch (AccountNotFoundException e) {
                throw e;
            } catch (Throwable e) {
                // An Error too: a poll that dies without a trace is a watch that silently stopped.
                LOG.errorf(e, "poll of account %d failed; recorded as unknown", accountId);
                PollSummary failure = recordFailure(ticket, "the poll failed: " + e, request.end());
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                return Optional.of(failure);
            }
        } finally {
            lock.unlock();
        }
    }

    private PollSummary pollOnce(PollRun run) {
        AccountRef account = run.account();
        Instant startedAt = run.startedAt();
        PollLimits limits = new PollLimits(config.pollDeadline(), config.maxMediaFetchesPerPoll(), () -> wrappingUp);
        PostSource source = sources.of(account.platform());
        Instant windowStart = startedAt.minus(config.window());
        Optional<PageReadings.Reading> known =
                run.request().pushedDeletions().isEmpty() ? readings.of(run.accountId()) : Optional.empty();
        ListingWalk walk;
        if (known.isPresent()) {
            Instant fetchedAt = clock.instant();
            ListingResult newest = source.newestPage(account, known.get().digest());
            if (newest instanceof ListingResult.Unchanged) {
                Optional<PollSummary> unread =
                        recording(() -> pollUnread(run, limits, known.get(), fetchedAt, windowStart));
                if (unread.isPresent()) {
                    return unread.get();
                }
            }
            walk = walker.walk(source, account, windowStart, fetchedAt, newest);
        } else {
            walk = walker.walk(source, account, windowStart);
        }
        return recording(() -> pollWalked(run, limits, source, windowStart, walk));
    }

    /**
     * The rest of a poll whose pages are in, counted by the group commit: what is left is mostly local work, worth the
     * records of others waiting for.
     */
    private <T> T recording(Supplier<T> rest) {
        GroupCommit.Expected recording = commits.expect();
        try {
            return rest.get();
        } finally {
            recording.close();
        }
    }

    /**
     * A poll whose newest page came byte for byte as an earlier poll read it, the whole listing then: when the archive
     * still holds each of its posts as that reading found them, and nothing is to be asked, the posts are noted seen
     * again and the page is not read. What is to be asked is planned once for the reading and kept while it stands
     * ({@link PageReadings#plan}), so such polls after the first read nothing of the account's posts either. Empty
     * when the poll must read it after all (a post changed in the archive since, one due a re-check sooner or later
     * than its sighting now sets, a suspect or a re-check to ask).
     */
    private Optional<PollSummary> pollUnread(
            PollRun run, PollLimits limits, PageReadings.Reading reading, Instant fetchedAt, Instant windowStart) {
        long accountId = run.accountId();
        Instant startedAt = run.startedAt();
        long postsVersion = run.ticket().postsVersion();
        PollPlan plan = readings.plan(accountId, reading, postsVersion, startedAt)
                .orElseGet(() -> {
                    StandingPlan standing = planner.planStanding(
                            accountId, reading.outcome(), reading.listedIds(), windowStart, startedAt);
                    readings.keep(accountId, reading, postsVersion, standing);
                    return standing.plan();
                });
        List<ListedPost> listed = reading.listedAt(fetchedAt);
        if (limits.pastDeadline()
                || !plan.asksNothing()
                || reconciler.unchanged(plan.archived(), listed).size() < listed.size()) {
            return Optional.empty();
        }
        PollVerdict verdict = PollVerdict.of(plan.listing(), Optional.empty());
        PollObservation observation = new PollObservation(
                accountId, startedAt, verdict.listing(), List.of(), listed, Map.of(), plan.archived());
        metrics.counter(
                        "afterimage.listings.unread",
                        "platform",
                        run.account().platform().apiName())
                .increment();
        return Optional.of(conclude(
                run,
                run.request().scheduled(),
                observation,
                verdict,
                reading.title(),
                List.of(),
                new Listed(1, reading.posts().size(), reading.published()),
                plan,
                List.of()));
    }

    private PollSummary pollWalked(
            PollRun run, PollLimits limits, PostSource source, Instant windowStart, ListingWalk walk) {
        long accountId = run.accountId();
        Instant startedAt = run.startedAt();
        AccountRef account = run.account();
        List<PostSkip> skips = new ArrayList<>();
        List<Admitted> admitted = admit(walk, startedAt, skips);
        Set<String> listedIds = walk.posts().stream()
                .map(post -> PostAdmission.storedId(post.platformPostId()))
                .collect(Collectors.toSet());
        PollPlan plan = planner.plan(
                accountId,
                walk.outcome(),
                listedIds,
                windowStart,
                startedAt,
                run.request().pushedDeletions());

        Map<String, PermalinkAnswer> answers = new LinkedHashMap<>();
        if (!limits.pastDeadline()) {
            answers.putAll(ask(source, account, plan.suspects(), true));
        }
        if (!limits.pastDeadline()) {
            ask(source, account, plan.rechecks(), false).forEach(answers::putIfAbsent);
        }

        List<MediaCollector.Collected> collected = new ArrayList<>();
        List<ObservedPost> seen = new ArrayList<>();
        if (plan.listing() instanceof ListingOutcome.Listed) {
            Map<String, StoredMedia> known = new HashMap<>(media.known(mediaUrls(admitted)));
            for (Admitted post : admitted) {
                List<ObservedPost> earlier = post.post().earlierVersions().stream()
                        .map(version -> observe(version, post.sighting(), collected, List.of(), limits, known))
                        .toList();
                seen.add(observe(post.post(), post.sighting(), collected, earlier, limits, known));
            }
        }

        PollVerdict verdict = PollVerdict.of(
                plan.listing(),
                wrappingUp
                        ? Optional.of("the service is stopping; recorded what the poll had")
                        : limits.pastDeadline()
                                ? Optional.of("the poll ran past its deadline of " + limits.deadline()
                                        + "; recorded what it had")
                                : Optional.empty());
        PollObservation observation =
                new PollObservation(accountId, startedAt, verdict.listing(), seen, answers, plan.archived());
        PollSummary summary = conclude(
                run,
                false,
                observation,
                verdict,
                walk.title(),
                skips,
                new Listed(
                        walk.pagesFetched(),
                        walk.posts().size(),
                        walk.posts().stream()
                                .map(SourcePost::publishedAt)
                                .filter(Objects::nonNull)
                                .toList()),
                plan,
                collected);
        readings.note(accountId, walk, seen, summary.skipped() > 0);
        return summary;
    }

    /** What a poll's listing showed, for its summary and the account's cadence. */
    private record Listed(int pages, int posts, List<Instant> published) {}

    /**
     * Records the poll and sums it up.
     *
     * @param inBackground whether the record may be written after the poll returns: only for a poll that observed
     *     nothing new
     */
    private PollSummary conclude(
            PollRun run,
            boolean inBackground,
            PollObservation observation,
            PollVerdict verdict,
            Optional<String> title,
            List<PostSkip> skips,
            Listed listing,
            PollPlan plan,
            List<MediaCollector.Collected> collected) {
        long accountId = run.accountId();
        Instant startedAt = run.startedAt();
        AccountRef account = run.account();
        Optional<String> identity = verdict.listing() instanceof ListingOutcome.Listed
                ? sources.of(account.platform()).accountIdentity(account)
                : Optional.empty();
        Optional<Instant> newestDated = newestPost(listing.published(), startedAt, 0);
        Optional<PollRecorder.Recorded> recorded;
        if (inBackground) {
            recorder.recordLater(run.ticket(), observation, verdict, identity, title);
            run.request().end().alone(newestDated);
            recorded = Optional.of(new PollRecorder.Recorded(Reconciliation.NOTHING, List.of()));
        } else {
            recorded = recorder.record(run.ticket(), observation, verdict, identity, title, skips, () -> run.request()
                    .end()
                    .withRecord(newestDated));
        }
        Reconciliation result = recorded.map(PollRecorder.Recorded::changes).orElse(Reconciliation.NOTHING);
        List<PostSkip> skipped = recorded.map(PollRecorder.Recorded::skipped).orElse(skips);
        reportSkipped(account, skipped);
        if (verdict.outcome() == PollOutcome.OK) {
            repeated.clear(accountId);
        } else {
            String line = verdict.outcome() + " (" + verdict.detail() + ")";
            repeated.next(accountId, line)
                    .ifPresent(times -> LOG.infof(
                            "poll of %s/%s: %s%s",
                            account.platform().apiName(),
                            account.handle(),
                            line,
                            times == 1 ? "" : "; " + times + " polls in a row, said again at the next doubling"));
        }
        Instant endedAt = clock.instant();
        metrics.timer(
                        "afterimage.polls",
                        "platform",
                        account.platform().apiName(),
                        "outcome",
                        verdict.outcome().name())
                .record(Duration.between(startedAt, endedAt));
        metrics.counter(
                        "afterimage.suspects.asked",
                        "platform",
                        account.platform().apiName())
                .increment(plan.suspects().size());
        return PollSummary.of(accountId, startedAt, endedAt, verdict.outcome(), verdict.detail())
                .listing(
                        listing.pages(), listing.posts(), newestPost(listing.published(), startedAt, result.newPosts()))
                .archived(result.newPosts(), result.newVersions(), result.events())
                .asked(plan.suspects().size(), plan.rechecks().size(), result.deleted(), result.restored(), (int)
                        observation.unanswered())
                .media(
                        count(collected, MediaCollector.Collected::downloaded),
                        count(collected, MediaCollector.Collected::failed),
                        count(collected, MediaCollector.Collected::deferred))
                .skipped(skipped)
                .build();
    }

    /**
     * When the account last posted, as far as this poll saw: the newest publication time listed, or now when new posts
     * came without one; empty when the listing showed nothing new or dated.
     */
    private static Optional<Instant> newestPost(List<Instant> published, Instant now, int newPosts) {
        Optional<Instant> newest =
                published.stream().filter(at -> !at.isAfter(now)).max(Instant::compareTo);
        return newest.isPresent() || newPosts == 0 ? newest : Optional.of(now);
    }

    private void reportSkipped(AccountRef account, List<PostSkip> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        metrics.counter(
                        "afterimage.posts.skipped",
                        "platform",
                        account.platform().apiName())
                .increment(skipped.size());
        LOG.warnf(
                "poll of %s/%s skipped %d posts, e.g. %s: %s",
                account.platform().apiName(),
                account.handle(),
                skipped.size(),
                skipped.getFirst().platformPostId(),
                skipped.getFirst().reason());
    }

    private static int count(List<MediaCollector.Collected> collected, Predicate<MediaCollector.Collected> which) {
        return (int) collected.stream().filter(which).count();
    }

    /** A listed post that can be archived, and the page that showed it. */
    private record Admitted(SourcePost post, ListingWalk.Sighting sighting) {}

    /** Bounds and checks every listed post; those that cannot be stored are skipped with the reason. */
    private static List<Admitted> admit(ListingWalk walk, Instant now, List<PostSkip> skips) {
        List<Admitted> admitted = new ArrayList<>();
        for (SourcePost post : walk.posts()) {
            ListingWalk.Sighting sighting = walk.pageOf().get(post.platformPostId());
            switch (PostAdmission.of(post, now)) {
                case PostAdmission.Admitted ok -> admitted.add(new Admitted(ok.post(), sighting));
                case PostAdmission.Skipped skipped ->
                    skips.add(new PostSkip(skipped.platformPostId(), skipped.reason()));
            }
        }
        return admitted;
    }

    /** Every media URL the admitted posts and their earlier versions show. */
    private static Set<String> mediaUrls(List<Admitted> admitted) {
        Set<String> urls = new HashSet<>();
        for (Admitted post : admitted) {
            post.post().media().forEach(item -> urls.add(item.url()));
            post.post().earlierVersions().forEach(version -> version.media().forEach(item -> urls.add(item.url())));
        }
        return urls;
    }

    private ObservedPost observe(
            SourcePost post,
            ListingWalk.Sighting sighting,
            List<MediaCollector.Collected> collected,
            List<ObservedPost> earlier,
            PollLimits limits,
            Map<String, StoredMedia> known) {
        List<MediaCollector.Collected> items = post.media().stream()
                .map(item -> media.collect(item, limits, known))
                .toList();
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

    private PollSummary recordFailure(PollRecorder.Ticket ticket, String detail, ClaimEnd end) {
        PollVerdict verdict = PollVerdict.failed(detail);
        PollObservation failed = new PollObservation(
                ticket.accountId(), ticket.startedAt(), verdict.listing(), List.of(), Map.of(), Map.of());
        try {
            recorder.record(
                    ticket,
                    failed,
                    verdict,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    () -> end.withRecord(Optional.empty()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "the failure of a poll of account %d could not be recorded", ticket.accountId());
        }
        return PollSummary.of(ticket.accountId(), ticket.startedAt(), clock.instant(), verdict.outcome(), detail)
                .build();
    }
}
