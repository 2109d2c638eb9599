package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.alert.EventDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountJudgementTest {

    private static final Instant T0 = Instant.parse("2017-11-14T09:00:00Z");
    private static final int AFTER_POLLS = 3;
    private static final Duration AFTER = Duration.ofMinutes(30);
    private static final WatchHealth HEALTHY = new WatchHealth(Availability.ACTIVE, 0, null, false);
    private static final ListingOutcome LISTED = new ListingOutcome.Listed(Instant.EPOCH, null);
    private static final ListingOutcome TIMEOUT = new ListingOutcome.Unknown("timeout");

    private static AccountJudgement judge(WatchHealth before, ListingOutcome outcome, long unanswered, Instant now) {
        return AccountJudgement.of(before, outcome, unanswered, now, AFTER_POLLS, AFTER);
    }

    @Test
    void answeredPollOfAHealthyAccountChangesNothing() {
        assertEquals(new AccountJudgement(HEALTHY, List.of()), judge(HEALTHY, LISTED, 0, T0));
    }

    @Test
    void accountGoneIsOneEventAndItsReturnAnother() {
        AccountJudgement gone = judge(HEALTHY, new ListingOutcome.AccountGone("404 from the channel"), 0, T0);
        AccountJudgement stillGone = judge(gone.after(), new ListingOutcome.AccountGone("404 again"), 0, T0);
        AccountJudgement back = judge(stillGone.after(), LISTED, 0, T0);

        assertEquals(
                List.of(new EventDetails.AccountUnavailable(
                        "404 from the channel", "UNAVAILABLE", Availability.UNAVAILABLE.words(), T0)),
                gone.events());
        assertEquals(List.of(), stillGone.events());
        assertEquals(List.of(new EventDetails.AccountRestored(T0)), back.events());
        assertEquals(HEALTHY, back.after());
    }

    @Test
    void briefOutageIsNoFailingWatch() {
        WatchHealth health = HEALTHY;
        for (int poll = 0; poll < 10; poll++) {
            AccountJudgement judgement = judge(health, TIMEOUT, 0, T0.plus(Duration.ofMinutes(poll)));
            assertEquals(List.of(), judgement.events(), "unknown for " + poll + " min is no failing watch yet");
            health = judgement.after();
        }
        assertEquals(new WatchHealth(Availability.ACTIVE, 10, T0, false), health);
    }

    @Test
    void watchBlindForLongEnoughIsReportedFailingOnceAndRecoveredOnce() {
        WatchHealth health = judge(HEALTHY, TIMEOUT, 0, T0).after();
        health = judge(health, TIMEOUT, 0, T0.plus(Duration.ofMinutes(15))).after();
        AccountJudgement failing = judge(health, TIMEOUT, 0, T0.plus(AFTER));
        AccountJudgement stillFailing =
                judge(failing.after(), TIMEOUT, 0, T0.plus(AFTER).plusSeconds(60));
        AccountJudgement recovered = judge(stillFailing.after(), LISTED, 0, T0.plus(Duration.ofHours(1)));

        assertEquals(List.of(new EventDetails.WatchFailing(T0, 3, "timeout")), failing.events());
        assertEquals(List.of(), stillFailing.events());
        assertEquals(List.of(new EventDetails.WatchRecovered(T0, T0.plus(Duration.ofHours(1)), 4)), recovered.events());
        assertEquals(HEALTHY, recovered.after());
    }

    @Test
    void listingWhosePermalinkChecksGoUnansweredIsBlindToo() {
        AccountJudgement judgement = judge(HEALTHY, LISTED, 2, T0);

        assertEquals(new WatchHealth(Availability.ACTIVE, 1, T0, false), judgement.after());
    }

    @Test
    void unknownPollLeavesTheAccountsAvailabilityAsItWas() {
        WatchHealth gone = new WatchHealth(Availability.UNAVAILABLE, 0, null, false);

        assertEquals(
                Availability.UNAVAILABLE, judge(gone, TIMEOUT, 0, T0).after().availability());
    }
}
