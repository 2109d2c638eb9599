package dev.afterimage.detect;

import java.time.Instant;

/** How far one poll's walk through an account's listing got. */
public sealed interface ListingOutcome {

    /**
     * The listing was read. Every post published after {@code coveredFrom} that still exists was on the pages
     * read; older posts were not looked at.
     *
     * @param coveredFrom {@link Instant#EPOCH} when the walk reached the account's first post
     * @param incompleteReason why the walk stopped before the watch window was covered, or null
     */
    record Listed(Instant coveredFrom, String incompleteReason) implements ListingOutcome {
        public boolean complete() {
            return incompleteReason == null;
        }
    }

    /**
     * The platform says the account itself cannot be read: gone, no longer public, or barred in a way it names.
     *
     * @param state what the account is now; never {@link Availability#ACTIVE}
     */
    record AccountGone(String evidence, Availability state) implements ListingOutcome {
        public AccountGone {
            if (state == null || state == Availability.ACTIVE) {
                throw new IllegalArgumentException("state: an account that cannot be read is not " + state);
            }
        }

        public AccountGone(String evidence) {
            this(evidence, Availability.UNAVAILABLE);
        }
    }

    /** Nothing usable came back; nothing may be concluded from this poll. */
    record Unknown(String reason) implements ListingOutcome {}
}
