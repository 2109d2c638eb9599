package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A poll's number: taken as it starts, or already when the scheduler claimed its account. */
@QuarkusTest
class PollNumberingTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Inject
    PollRecorder recorder;

    @Inject
    AccountService accounts;

    @Test
    void aPollNumberedByItsClaimKeepsTheNumberAndTakesNoOther() {
        long id = account("numbering_claimed");
        long claimed = QuarkusTransaction.requiringNew().call(() -> ++Account.<Account>findById(id).pollSeq);

        PollRecorder.Ticket ticket = recorder.begin(id, OptionalLong.of(claimed), NOW, account -> false)
                .orElseThrow();

        assertEquals(claimed, ticket.seq());
        assertEquals(claimed, pollSeq(id));
    }

    @Test
    void aPollNumberedByItsClaimIsNumberedAnewWhenAnotherPollStartedSince() {
        long id = account("numbering_overtaken");
        long claimed = QuarkusTransaction.requiringNew().call(() -> ++Account.<Account>findById(id).pollSeq);
        PollRecorder.Ticket manual =
                recorder.begin(id, OptionalLong.empty(), NOW, account -> false).orElseThrow();

        PollRecorder.Ticket scheduled = recorder.begin(id, OptionalLong.of(claimed), NOW, account -> false)
                .orElseThrow();

        assertEquals(claimed + 1, manual.seq());
        assertEquals(claimed + 2, scheduled.seq(), "the poll that starts last is numbered last");
        assertEquals(claimed + 2, pollSeq(id));
    }

    @Test
    void aPollWithoutANumberTakesTheNext() {
        long id = account("numbering_unclaimed");
        long before = pollSeq(id);

        assertEquals(
                before + 1,
                recorder.begin(id, OptionalLong.empty(), NOW, account -> false)
                        .orElseThrow()
                        .seq());
        assertEquals(before + 1, pollSeq(id));
    }

    private long account(String handle) {
        return accounts.create(new AccountRequest(null, "telegram", handle, null, "5m", false), AccountOrigin.API).id;
    }

    private static long pollSeq(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(accountId).pollSeq);
    }
}
