package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a poll gives its claim back, rather than leave the due time its claim set. */
class ClaimTest {

    private static final Instant DUE = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Optional<Instant> POSTED = Optional.of(DUE.minus(Duration.ofHours(5)));

    private final PollClaims.Claim claim =
            new PollClaims.Claim(7, DUE, Duration.ofMinutes(1), POSTED, DUE.plus(Duration.ofMinutes(1)));

    @Test
    void aPollThatLearntNothingLeavesTheClaimToLapse() {
        assertFalse(claim.givenBackAfter(POSTED, DUE.plusSeconds(2), LEASE));
    }

    @Test
    void aPollThatSawANewerPostGivesItBack() {
        assertTrue(claim.givenBackAfter(Optional.of(DUE.minusSeconds(30)), DUE.plusSeconds(2), LEASE));
    }

    @Test
    void aFirstPostSeenCountsAsNewer() {
        PollClaims.Claim neverPosted =
                new PollClaims.Claim(7, DUE, Duration.ofMinutes(1), Optional.empty(), DUE.plus(Duration.ofMinutes(1)));

        assertFalse(neverPosted.givenBackAfter(Optional.empty(), DUE.plusSeconds(2), LEASE));
        assertTrue(neverPosted.givenBackAfter(POSTED, DUE.plusSeconds(2), LEASE));
    }

    @Test
    void aClaimThatCouldOutlastTheNextDueTimeIsGivenBack() {
        assertTrue(claim.givenBackAfter(POSTED, DUE.plusSeconds(30), LEASE), "the poll overran half its interval");
        PollClaims.Claim shortInterval =
                new PollClaims.Claim(7, DUE, Duration.ofSeconds(4), POSTED, DUE.plusSeconds(4));
        assertTrue(shortInterval.givenBackAfter(POSTED, DUE.plusSeconds(1), LEASE), "an interval below the lease");
    }
}
