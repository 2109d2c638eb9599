package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.detect.PollObservation;
import dev.afterimage.detect.PollVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A poll's number: taken from one sequence as it starts; a poll's record loses to that of one started later. */
@QuarkusTest
class PollNumberingTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Inject
    PollRecorder recorder;

    @Inject
    AccountService accounts;

    @Test
    void aPollThatStartsLaterIsNumberedHigherWhicheverAccountItPolls() {
        long first = account("numbering_first");
        long second = account("numbering_second");

        long a = begin(first).seq();
        long b = begin(second).seq();
        long c = begin(first).seq();

        assertTrue(a < b && b < c, a + ", " + b + ", " + c);
    }

    @Test
    void aPollsRecordArrivingAfterThatOfAPollStartedLaterIsDiscarded() {
        long id = account("numbering_overtaken");
        PollRecorder.Ticket earlier = begin(id);
        PollRecorder.Ticket later = begin(id);

        assertTrue(record(later, "the later poll").isPresent());
        assertTrue(record(earlier, "the earlier poll").isEmpty(), "an older view must not undo a newer one");

        Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
        assertEquals(later.seq(), account.lastRecordedPollSeq);
        assertEquals("the later poll", account.lastPollDetail);
    }

    private PollRecorder.Ticket begin(long accountId) {
        return recorder.begin(accountId, NOW, account -> false).orElseThrow();
    }

    private Optional<PollRecorder.Recorded> record(PollRecorder.Ticket ticket, String why) {
        PollVerdict verdict = PollVerdict.failed(why);
        return recorder.record(
                ticket,
                new PollObservation(
                        ticket.accountId(), ticket.startedAt(), verdict.listing(), List.of(), Map.of(), Map.of()),
                verdict,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                () -> {});
    }

    private long account(String handle) {
        return accounts.create(new AccountRequest(null, "telegram", handle, null, "5m", false), AccountOrigin.API).id;
    }
}
