package dev.afterimage.detect;

import java.util.Optional;

/**
 * How a poll ended, as the account shows it, and what its listing may be taken to prove.
 *
 * @param listing the listing as judged: a poll that overran keeps a listing it read, else it is unknown
 * @param detail why the poll was not {@link PollOutcome#OK}, or null
 */
public record PollVerdict(PollOutcome outcome, String detail, ListingOutcome listing) {

    /**
     * @param overrun why the poll stopped asking and downloading before it was done, when it did: what it learnt is
     *     kept, but the poll still counts as blind, so a watch that always overruns is reported as failing
     */
    public static PollVerdict of(ListingOutcome listing, Optional<String> overrun) {
        PollOutcome outcome =
                switch (listing) {
                    case ListingOutcome.Listed listed -> listed.complete() ? PollOutcome.OK : PollOutcome.PARTIAL;
                    case ListingOutcome.AccountGone gone -> PollOutcome.ACCOUNT_GONE;
                    case ListingOutcome.Unknown unknown -> PollOutcome.UNKNOWN;
                };
        String detail =
                switch (listing) {
                    case ListingOutcome.Listed listed -> listed.incompleteReason();
                    case ListingOutcome.AccountGone gone -> gone.evidence();
                    case ListingOutcome.Unknown unknown -> unknown.reason();
                };
        if (overrun.isEmpty()) {
            return new PollVerdict(outcome, detail, listing);
        }
        String why = overrun.get();
        return new PollVerdict(
                PollOutcome.UNKNOWN,
                detail == null ? why : detail + "; " + why,
                listing instanceof ListingOutcome.Listed ? listing : new ListingOutcome.Unknown(why));
    }

    /** A poll that broke: it still counts, as unknown, so a watch that keeps breaking is reported as failing. */
    public static PollVerdict failed(String why) {
        return new PollVerdict(PollOutcome.UNKNOWN, why, new ListingOutcome.Unknown(why));
    }
}
