package dev.afterimage.web.console;

import dev.afterimage.detect.Availability;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.watch.Account;
import java.time.Instant;
import java.util.Map;

/**
 * One account on the dashboard.
 *
 * @param name the label, or the handle when there is none
 * @param handle the handle as shown beside the name, or null when the name already is the handle
 * @param lastOutcome how the last poll ended, in words
 * @param lastDetail why it ended so, as one short line of plain text
 * @param health "OK", "Failing", "Paused", "Unavailable", ... in words
 * @param failing whether the row must stand out
 */
public record AccountRow(
        long id,
        PlatformBadge platform,
        String name,
        String handle,
        String url,
        String group,
        Moment lastPoll,
        String lastOutcome,
        String lastDetail,
        long posts,
        long deletions24h,
        long edits24h,
        String health,
        boolean failing) {

    static AccountRow of(Account account, Instant now, long posts, long deletions24h, long edits24h) {
        String name = Wording.accountName(account.platform, account.label, account.handle);
        String shownHandle = Wording.handle(account.platform, account.handle);
        return new AccountRow(
                account.id,
                PlatformBadge.of(account.platform),
                name,
                shownHandle.equals(name) ? null : shownHandle,
                account.canonicalUrl,
                account.groupName,
                Moment.of(account.lastPollAt, now),
                Wording.outcome(account.lastPollOutcome),
                Wording.reason(account.lastPollDetail),
                posts,
                deletions24h,
                edits24h,
                health(account),
                failing(account));
    }

    private static String health(Account account) {
        if (account.watchFailing) {
            return "Failing";
        }
        if (account.availability != Availability.ACTIVE) {
            return "Unavailable (" + account.availability.words() + ")";
        }
        if (!account.enabled) {
            return "Paused";
        }
        if (account.lastPollOutcome == PollOutcome.UNKNOWN) {
            return "Last poll failed";
        }
        return "OK";
    }

    /**
     * {@link #failing(Account)} in HQL over an account {@code a}, with the {@link #failingParameters()}: the dashboard
     * counts and orders by it.
     */
    static final String FAILING =
            "(a.watchFailing = true or a.availability <> :active or a.lastPollOutcome = :unknown)";

    static Map<String, Object> failingParameters() {
        return Map.of("active", Availability.ACTIVE, "unknown", PollOutcome.UNKNOWN);
    }

    /** Failing polls and a gone account stand out; a paused account is a choice, not a failure. */
    private static boolean failing(Account account) {
        return account.watchFailing
                || account.availability != Availability.ACTIVE
                || account.lastPollOutcome == PollOutcome.UNKNOWN;
    }
}
