package dev.afterimage.detect;

import java.time.Instant;
import java.util.Optional;

/**
 * A poll's plan and how long it stands: a later poll that lists the very same posts, while the account's posts are not
 * written, gets the same plan until the first of them falls due a re-check, since nothing else it depends on moves.
 *
 * @param firstRecheck when the account's first live post falls due a re-check after the planning poll began; empty
 *     when none will
 */
public record StandingPlan(PollPlan plan, Optional<Instant> firstRecheck) {

    /** Whether a poll starting at {@code startedAt} would be asked the same, the account's posts unwritten since. */
    public boolean standsAt(Instant startedAt) {
        return firstRecheck.map(startedAt::isBefore).orElse(true);
    }
}
