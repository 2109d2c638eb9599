package dev.afterimage.detect;

import dev.afterimage.alert.EventDraft;
import dev.afterimage.alert.EventLog;
import dev.afterimage.alert.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Transactional(Transactional.TxType.MANDATORY)
    public WatchHealth assess(long accountId, WatchHealth before, ListingOutcome outcome, Instant now) {
        return switch (outcome) {
            case ListingOutcome.Unknown unknown -> unknownPoll(accountId, before, unknown.reason(), now);
            case ListingOutcome.AccountGone gone -> {
                WatchHealth answered = answered(accountId, before, now);
                if (answered.availability() == Availability.ACTIVE) {
                    events.append(EventDraft.aboutAccount(EventType.ACCOUNT_UNAVAILABLE, accountId,
                            Map.of("evidence", gone.evidence(), "detectedAt", now)));
                }
                yield new WatchHealth(Availability.UNAVAILABLE, 0, null, false);
            }
            case ListingOutcome.Listed listed -> {
                WatchHealth answered = answered(accountId, before, now);
                if (answered.availability() == Availability.UNAVAILABLE) {
                    events.append(EventDraft.aboutAccount(EventType.ACCOUNT_RESTORED, accountId, Map.of("detectedAt", now)));
                }
                yield WatchHealth.healthy();
            }
        };
    }

    private WatchHealth unknownPoll(long accountId, WatchHealth before, String reason, Instant now) {
        Instant since = before.unknownSince() != null ? before.unknownSince() : now;
        int consecutive = before.consecutiveUnknown() + 1;
        boolean failing = before.failing();
        if (!failing && consecutive >= config.failingAfterPolls()
                && !Duration.between(since, now).minus(config.failingAfter()).isNegative()) {
            failing = true;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("failingSince", since);
            details.put("consecutiveUnknownPolls", consecutive);
            details.put("lastReason", reason);
            events.append(EventDraft.aboutAccount(EventType.WATCH_FAILING, accountId, details));
        }
        return new WatchHealth(before.availability(), consecutive, since, failing);
    }

    /** A definitive answer ends any failing spell. */
    private WatchHealth answered(long accountId, WatchHealth before, Instant now) {
        if (before.failing()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("failingSince", before.unknownSince());
            details.put("recoveredAt", now);
            details.put("unknownPolls", before.consecutiveUnknown());
            events.append(EventDraft.aboutAccount(EventType.WATCH_RECOVERED, accountId, details));
        }
        return new WatchHealth(before.availability(), 0, null, false);
    }
}
