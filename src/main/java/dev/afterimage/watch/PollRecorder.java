package dev.afterimage.watch;

import dev.afterimage.archive.EvidenceChain;
import dev.afterimage.archive.ObservedPost;
import dev.afterimage.detect.AccountWatchdog;
import dev.afterimage.detect.ListedPost;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PollVerdict;
import dev.afterimage.detect.PostReconciler;
import dev.afterimage.detect.Reconciliation;
import dev.afterimage.detect.WatchHealth;
import dev.afterimage.source.AccountRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Writes what one poll learnt: the listed posts in batches of {@code afterimage.watch.batch-size}, each its own
 * short transaction, then the permalink answers and the account's state in a last one, which it may share with the
 * records of other polls ending at the same time ({@link GroupCommit}); that of a scheduled poll which found its page as
 * an earlier poll read it is written in the background ({@link #recordLater}). Every post is applied whole
 * or not at all, so if the process dies half-way the next poll sees the rest and reports it once; and a post the
 * database refuses costs only itself (it is skipped, with the reason), never its batch nor the poll.
 */
@ApplicationScoped
class PollRecorder {

    private static final Logger LOG = Logger.getLogger(PollRecorder.class);

    /** Skipped posts written down per poll: enough to act on, and a listing of junk cannot make one poll long. */
    private static final int MAX_SKIPS_RECORDED = 100;

    private final PostReconciler reconciler;
    private final AccountWatchdog watchdog;
    private final EvidenceChain chain;
    private final GroupCommit commits;
    private final PollNumbers numbers;
    private final WatchConfig config;
    private final Clock clock;

    PollRecorder(
            PostReconciler reconciler,
            AccountWatchdog watchdog,
            EvidenceChain chain,
            GroupCommit commits,
            PollNumbers numbers,
            WatchConfig config,
            Clock clock) {
        this.reconciler = reconciler;
        this.watchdog = watchdog;
        this.chain = chain;
        this.commits = commits;
        this.numbers = numbers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A poll's place in its account's order: polls are numbered as they start ({@link PollNumbers}), and recorded by
     * number.
     *
     * @param account what the poll reads, as the account stood when the poll was numbered
     * @param postsVersion how many records had written the account's posts then ({@link Account#postsVersion})
     */
    record Ticket(long accountId, long seq, Instant startedAt, AccountRef account, long postsVersion) {}

    /** What recording applied, and the posts it had to skip. */
    record Recorded(Reconciliation changes, List<PostSkip> skipped) {}

    /**
     * Numbers a poll as it starts, in the one transaction that also reads what the poll needs of the account; none
     * when {@code deferred} says the account is not to be polled now. A clock that stepped back since the last poll is
     * logged, and changes nothing.
     */
    Optional<Ticket> begin(long accountId, Instant startedAt, Predicate<Account> deferred) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = read(accountId);
            if (deferred.test(account)) {
                return Optional.empty();
            }
            if (account.lastPollStartedAt != null && startedAt.isBefore(account.lastPollStartedAt)) {
                LOG.warnf(
                        "the clock stepped back: a poll of account %d starts at %s, %s before the last one started (%s);"
                                + " polls stay in order by their number",
                        accountId,
                        startedAt,
                        Duration.between(startedAt, account.lastPollStartedAt),
                        account.lastPollStartedAt);
            }
            return Optional.of(new Ticket(accountId, numbers.next(), startedAt, account.ref(), account.postsVersion));
        });
    }

    /**
     * Records the poll, unless a poll numbered later was recorded first (another node's, in a cluster): an older view
     * of the account must not undo what a newer one established. Empty when it was discarded.
     *
     * @param listingTitle the title a feed or web page gives itself: the name of an account nobody labelled
     * @param skipped posts the poll already found unstorable; recorded with those the database refuses
     * @param alsoInRecord more work for the transaction that records the poll's outcome
     */
    Optional<Recorded> record(
            Ticket ticket,
            PollObservation observation,
            PollVerdict verdict,
            Optional<String> accountIdentity,
            Optional<String> listingTitle,
            List<PostSkip> skipped,
            Runnable alsoInRecord) {
        List<PostSkip> skips = new ArrayList<>(skipped);
        Reconciliation changes = Reconciliation.NOTHING;
        List<ObservedPost> seen = observation.seen();
        int batchSize = Math.max(1, config.batchSize());
        List<ListedPost> unchanged = new ArrayList<>(observation.unread());
        for (int from = 0; from < seen.size(); from += batchSize) {
            List<ObservedPost> listed = seen.subList(from, Math.min(seen.size(), from + batchSize));
            // Posts archived exactly as listed cost no write transaction of their own: the poll record notes them.
            List<ListedPost> compared = listed.stream().map(ListedPost::of).toList();
            Set<String> same = reconciler.unchanged(observation.archived(), compared);
            List<ObservedPost> changed = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                if (same.contains(compared.get(i).platformPostId())) {
                    unchanged.add(compared.get(i));
                } else {
                    changed.add(listed.get(i));
                }
            }
            if (changed.isEmpty()) {
                continue;
            }
            Optional<Reconciliation> batch = recordBatch(ticket, changed, skips);
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            changes = changes.plus(batch.get());
            chain.sealCommitted();
        }
        Optional<Reconciliation> rest = commits.commit(() ->
                finish(ticket, observation, verdict, accountIdentity, listingTitle, skips, unchanged, alsoInRecord));
        chain.sealCommitted();
        Reconciliation listed = changes;
        return rest.map(answers -> new Recorded(listed.plus(answers), List.copyOf(skips)));
    }

    /**
     * Records, in the background ({@link GroupCommit#later}), a poll that took its page unread: it observed nothing new,
     * and every post it listed is archived as listed, so a crash before the record commits loses only that they were
     * seen again then, which the next poll notes. Discarded as {@link #record} is when a poll numbered later was recorded
     * first.
     */
    void recordLater(
            Ticket ticket,
            PollObservation observation,
            PollVerdict verdict,
            Optional<String> accountIdentity,
            Optional<String> listingTitle) {
        commits.later(
                () -> finish(
                        ticket,
                        observation,
                        verdict,
                        accountIdentity,
                        listingTitle,
                        List.of(),
                        observation.unread(),
                        () -> {}),
                refusal -> notWritten(ticket, refusal));
    }

    private static void notWritten(Ticket ticket, Throwable refusal) {
        if (refusal instanceof AccountNotFoundException) {
            LOG.debugf("account %d was removed before the record of its poll %d", ticket.accountId(), ticket.seq());
            return;
        }
        LOG.warnf(
                refusal,
                "the record of poll %d of account %d (started at %s), which found nothing new, was not written",
                ticket.seq(),
                ticket.accountId(),
                ticket.startedAt());
    }

    /**
     * One batch in one transaction; when the database refuses it, each post again in its own, so only the one it
     * refuses is skipped.
     */
    private Optional<Reconciliation> recordBatch(Ticket ticket, List<ObservedPost> batch, List<PostSkip> skips) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyBatch(ticket, batch));
        } catch (AccountNotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                ObservedPost post = batch.getFirst();
                LOG.warnf(e, "post %s of account %d not archived", post.post().platformPostId(), ticket.accountId());
                skips.add(new PostSkip(post.post().platformPostId(), "the database refused it: " + rootCause(e)));
                return Optional.of(Reconciliation.NOTHING);
            }
            Reconciliation changes = Reconciliation.NOTHING;
            for (ObservedPost post : batch) {
                Optional<Reconciliation> one = recordBatch(ticket, List.of(post), skips);
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                changes = changes.plus(one.get());
            }
            return Optional.of(changes);
        }
    }

    private Optional<Reconciliation> applyBatch(Ticket ticket, List<ObservedPost> batch) {
        Account account = current(ticket);
        if (account == null) {
            return Optional.empty();
        }
        account.lastRecordedPollSeq = ticket.seq();
        account.postsVersion++;
        return Optional.of(reconciler.reconcileSeen(ticket.accountId(), batch));
    }

    private Optional<Reconciliation> finish(
            Ticket ticket,
            PollObservation observation,
            PollVerdict verdict,
            Optional<String> accountIdentity,
            Optional<String> listingTitle,
            List<PostSkip> skips,
            List<ListedPost> unchanged,
            Runnable alsoInRecord) {
        Account account = current(ticket);
        if (account == null) {
            return Optional.empty();
        }
        reconciler.reconcileUnchanged(observation, unchanged);
        Instant now = clock.instant();
        Reconciliation reconciliation = reconciler.reconcileAnswers(observation);
        if (!observation.answers().isEmpty()) {
            // Answers set states and re-check times; the unchanged posts' sightings above are no part of a plan.
            account.postsVersion++;
        }
        WatchHealth health =
                watchdog.assess(account.id, account.health(), observation.listing(), observation.unanswered(), now);
        account.apply(health);
        if (account.platformAccountId == null) {
            accountIdentity
                    .filter(identity -> identity.length() <= 255)
                    .ifPresent(identity -> account.platformAccountId = identity);
        }
        // A feed or a web page has no account name: unless someone labelled it, it goes by the title it gives itself.
        if (account.label == null) {
            listingTitle.filter(title -> title.length() <= 255).ifPresent(title -> account.label = title);
        }
        for (PostSkip skip : skips.subList(0, Math.min(skips.size(), MAX_SKIPS_RECORDED))) {
            SkippedPost.record(account.id, skip, now);
        }
        account.lastRecordedPollSeq = ticket.seq();
        account.lastPollStartedAt = observation.startedAt();
        account.lastPollAt = now;
        account.lastPollOutcome = verdict.outcome();
        account.lastPollDetail = truncate(withSkips(verdict.detail(), skips));
        if (!(observation.listing() instanceof ListingOutcome.Unknown)) {
            account.lastSuccessAt = now;
        }
        alsoInRecord.run();
        return Optional.of(reconciliation);
    }

    /** The account, locked, when this poll is still the newest recorded or to be; null when a later one was. */
    private Account current(Ticket ticket) {
        Account account = locked(ticket.accountId());
        if (ticket.seq() < account.lastRecordedPollSeq) {
            LOG.infof(
                    "poll %d of account %d (started at %s) discarded: poll %d was recorded first",
                    ticket.seq(), account.id, ticket.startedAt(), account.lastRecordedPollSeq);
            return null;
        }
        return account;
    }

    private static Account read(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new AccountNotFoundException(accountId);
        }
        return account;
    }

    private static Account locked(long accountId) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AccountNotFoundException(accountId);
        }
        return account;
    }

    private static String withSkips(String detail, List<PostSkip> skips) {
        if (skips.isEmpty()) {
            return detail;
        }
        String skipped = skips.size() + (skips.size() == 1 ? " post" : " posts") + " skipped, e.g. "
                + skips.getFirst().platformPostId() + ": " + skips.getFirst().reason();
        return detail == null ? skipped : detail + "; " + skipped;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        String firstLine = message.lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + ": "
                + (firstLine.length() > 300 ? firstLine.substring(0, 300) : firstLine);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
