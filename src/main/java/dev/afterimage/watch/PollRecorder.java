package dev.afterimage.watch;

import dev.afterimage.detect.AccountWatchdog;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PostReconciler;
import dev.afterimage.detect.Reconciliation;
import dev.afterimage.detect.WatchHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes everything one poll learnt in one transaction: if the process dies half-way, nothing of the poll is
 * kept and the next poll sees and reports the same things once.
 */
@ApplicationScoped
class PollRecorder {

    private static final Logger LOG = Logger.getLogger(PollRecorder.class);

    private final PostReconciler reconciler;
    private final AccountWatchdog watchdog;
    private final Clock clock;

    PollRecorder(PostReconciler reconciler, AccountWatchdog watchdog, Clock clock) {
        this.reconciler = reconciler;
        this.watchdog = watchdog;
        this.clock = clock;
    }

    /**
     * Records the poll, unless a poll that started later was recorded first (another node's, in a cluster): an
     * older view of the account must not undo what a newer one established. Empty when it was discarded.
     */
    @Transactional
    Optional<Reconciliation> record(PollObservation observation, PollOutcome outcome, String detail) {
        return record(observation, outcome, detail, Optional.empty());
    }

    /** As {@link #record(PollObservation, PollOutcome, String)}, learning the account's stable id if still unknown. */
    @Transactional
    Optional<Reconciliation> record(
            PollObservation observation, PollOutcome outcome, String detail, Optional<String> accountIdentity) {
        Account account = Account.findById(observation.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AccountNotFoundException(observation.accountId());
        }
        if (account.lastPollStartedAt != null && observation.startedAt().isBefore(account.lastPollStartedAt)) {
            LOG.infof(
                    "poll of account %d that started at %s discarded: a poll that started at %s was recorded first",
                    account.id, observation.startedAt(), account.lastPollStartedAt);
            return Optional.empty();
        }
        Instant now = clock.instant();
        Reconciliation reconciliation = reconciler.reconcile(observation);
        WatchHealth health =
                watchdog.assess(account.id, account.health(), observation.listing(), observation.unanswered(), now);
        account.apply(health);
        if (account.platformAccountId == null) {
            accountIdentity.ifPresent(identity -> account.platformAccountId = identity);
        }
        account.lastPollStartedAt = observation.startedAt();
        account.lastPollAt = now;
        account.lastPollOutcome = outcome;
        account.lastPollDetail = truncate(detail);
        if (!(observation.listing() instanceof ListingOutcome.Unknown)) {
            account.lastSuccessAt = now;
        }
        return Optional.of(reconciliation);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
