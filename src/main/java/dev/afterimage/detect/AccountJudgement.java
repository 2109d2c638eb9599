package dev.afterimage.detect;

import dev.afterimage.alert.EventDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one poll says of a whole account and of its watch: the health remembered after it, and the events that
 * change raises — gone or back once each way, never once per post, and a watch that has silently stopped working,
 * which is the worst failure a watcher can have.
 */
record AccountJudgement(WatchHealth after, List<EventDetails> events) {

    AccountJudgement {
        events = List.copyOf(events);
    }

    /**
     * @param unanswered permalink checks of this poll that got no answer: a watch whose suspects can never be
     *     confirmed is as blind as one whose listing fails
     * @param failingAfterPolls and {@code failingAfter}: a watch is failing after this many unknown polls in a row
     *     spanning at least this long, so one brief outage is no alarm
     */
    static AccountJudgement of(
            WatchHealth before,
            ListingOutcome outcome,
            long unanswered,
            Instant now,
            int failingAfterPolls,
            Duration failingAfter) {
        List<EventDetails> events = new ArrayList<>();
        Availability availability =
                switch (outcome) {
                    case ListingOutcome.Unknown unknown -> before.availability();
                    case ListingOutcome.AccountGone gone -> {
                        // Once per state: a channel that turns its preview off and later vanishes is two facts.
                        if (before.availability() != gone.state()) {
                            events.add(new EventDetails.AccountUnavailable(
                                    gone.evidence(),
                                    gone.state().name(),
                                    gone.state().words(),
                                    now));
                        }
                        yield gone.state();
                    }
                    case ListingOutcome.Listed listed -> {
                        if (before.availability() != Availability.ACTIVE) {
                            events.add(new EventDetails.AccountRestored(now));
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
        if (blindness == null) {
            // A definitive answer ends any failing spell.
            if (before.failing()) {
                events.add(new EventDetails.WatchRecovered(before.unknownSince(), now, before.consecutiveUnknown()));
            }
            return new AccountJudgement(new WatchHealth(availability, 0, null, false), events);
        }
        Instant since = before.unknownSince() != null ? before.unknownSince() : now;
        int consecutive = before.consecutiveUnknown() + 1;
        boolean failing = before.failing();
        if (!failing
                && consecutive >= failingAfterPolls
                && !Duration.between(since, now).minus(failingAfter).isNegative()) {
            failing = true;
            events.add(new EventDetails.WatchFailing(since, consecutive, blindness));
        }
        return new AccountJudgement(new WatchHealth(availability, consecutive, since, failing), events);
    }
}
