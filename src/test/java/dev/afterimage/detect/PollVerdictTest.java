package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollVerdictTest {

    private static final Optional<String> IN_TIME = Optional.empty();
    private static final Optional<String> OVERRAN = Optional.of("ran past its deadline");

    @Test
    void listingReadOverTheWholeWindowIsOk() {
        PollVerdict verdict = PollVerdict.of(new ListingOutcome.Listed(Instant.EPOCH, null), IN_TIME);

        assertEquals(PollOutcome.OK, verdict.outcome());
        assertNull(verdict.detail());
    }

    @Test
    void listingCutShortIsPartialAndSaysWhy() {
        PollVerdict verdict = PollVerdict.of(new ListingOutcome.Listed(Instant.EPOCH, "page 3 timed out"), IN_TIME);

        assertEquals(PollOutcome.PARTIAL, verdict.outcome());
        assertEquals("page 3 timed out", verdict.detail());
    }

    @Test
    void goneAndUnknownListingsNameTheirEvidence() {
        assertEquals(
                new PollVerdict(PollOutcome.ACCOUNT_GONE, "404", new ListingOutcome.AccountGone("404")),
                PollVerdict.of(new ListingOutcome.AccountGone("404"), IN_TIME));
        assertEquals(
                new PollVerdict(PollOutcome.UNKNOWN, "502", new ListingOutcome.Unknown("502")),
                PollVerdict.of(new ListingOutcome.Unknown("502"), IN_TIME));
    }

    @Test
    void pollThatOverranIsBlindButKeepsTheListingItRead() {
        ListingOutcome.Listed listed = new ListingOutcome.Listed(Instant.EPOCH, "page 2 failed");

        PollVerdict verdict = PollVerdict.of(listed, OVERRAN);

        assertEquals(PollOutcome.UNKNOWN, verdict.outcome());
        assertEquals("page 2 failed; ran past its deadline", verdict.detail());
        assertEquals(listed, verdict.listing());
    }

    @Test
    void accountGoneIsNotConcludedByAPollThatOverran() {
        PollVerdict verdict = PollVerdict.of(new ListingOutcome.AccountGone("404"), OVERRAN);

        assertEquals(PollOutcome.UNKNOWN, verdict.outcome());
        assertEquals(new ListingOutcome.Unknown("ran past its deadline"), verdict.listing());
    }

    @Test
    void brokenPollIsUnknownWithItsReason() {
        assertEquals(
                new PollVerdict(PollOutcome.UNKNOWN, "boom", new ListingOutcome.Unknown("boom")),
                PollVerdict.failed("boom"));
    }
}
