package dev.afterimage.detect;

import dev.afterimage.alert.EventDetails;
import dev.afterimage.alert.EventDraft;
import dev.afterimage.alert.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Judges a whole account after each poll: gone or back (one event each way, never one per post), and whether
 * the watch itself has silently stopped working, which is the worst failure a watcher can have.
 */
@ApplicationScoped
public class AccountWatchdog {

    private final EventLog events;
    private final DetectConfig config;

    public AccountWatchdog(EventLog events, DetectConfig config) {
        this.events = events;
        this.config = config;
    }

    /**
     * @param unanswered permalink checks of this poll that got no answer: a watch whose suspects can never be
     *     confirmed is as blind as one whose listing fails
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WatchHealth assess(
            long accountId, WatchHealth before, ListingOutcome outcome, long unanswered, Instant now) {
        Availability availability =
                switch (outcome) {
                    case ListingOutcome.Unknown unknown -> before.availability();
                    case ListingOutcome.AccountGone gone -> {
                        // Once per state: a channel that turns its preview off and later vanishes is two facts.
                        if (before.availability() != gone.state()) {
                            events.append(EventDraft.aboutAccount(
                                    accountId,
                                    new EventDetails.AccountUnavailable(
                                            gone.evidence(),
                                            gone.state().name(),
                                            gone.state().words(),
                                            now)));
                        }
                        yield gone.state();
                    }
                    case ListingOutcome.Listed listed -> {
                        if (before.availability() != Availability.ACTIVE) {
                            events.append(EventDraft.aboutAccount(accountId, new EventDetails.AccountRestored(now)));
                        }
                        yield Availability.ACTIVE;
                    }
                };
        String blindness =
                switch (outcome) {
                    case ListingOutcome.Unknown unknown -> unknown.reason();
                    case ListingOutcome.Listed listed
                    when unanswered > 0 -> unanswered + " permalink checks got no answer";
                    default -> null;
                };
        WatchHealth health =
                blindness != null ? unknownPoll(accountId, before, blindness, now) : answered(accountId, before, now);
        return new WatchHealth(availability, health.consecutiveUnknown(), health.unknownSince(), health.failing());
    }

    private WatchHealth unknownPoll(long accountId, WatchHealth before, String reason, Instant now) {
        Instant since = before.unknownSince() != null ? before.unknownSince() : now;
        int consecutive = before.consecutiveUnknown() + 1;
        boolean failing = before.failing();
        if (!failing
                && consecutive >= config.failingAfterPolls()
                && !Duration.between(since, now).minus(config.failingAfter()).isNegative()) {
            failing = true;
            events.append(
                    EventDraft.aboutAccount(accountId, new EventDetails.WatchFailing(since, consecutive, reason)));
        }
        return new WatchHealth(before.availability(), consecutive, since, failing);
    }

    /** A definitive answer ends any failing spell. */
    private WatchHealth answered(long accountId, WatchHealth before, Instant now) {
        if (before.failing()) {
            events.append(EventDraft.aboutAccount(
                    accountId,
                    new EventDetails.WatchRecovered(before.unknownSince(), now, before.consecutiveUnknown())));
        }
        return new WatchHealth(before.availability(), 0, null, false);
    }
}
