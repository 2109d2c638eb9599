package dev.afterimage.detect;

import dev.afterimage.alert.EventDraft;
import dev.afterimage.alert.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Judges a whole account after each poll (see {@link AccountJudgement}) and raises what the judgement says. */
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
        AccountJudgement judgement = AccountJudgement.of(
                before, outcome, unanswered, now, config.failingAfterPolls(), config.failingAfter());
        judgement.events().forEach(details -> events.append(EventDraft.aboutAccount(accountId, details)));
        return judgement.after();
    }
}
