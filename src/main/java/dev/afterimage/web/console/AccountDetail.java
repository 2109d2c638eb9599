package dev.afterimage.web.console;

import java.util.List;
import java.util.Map;

/**
 * An account as its console page shows it: the dashboard's row, and what its controls change.
 *
 * @param intervalSeconds the poll interval in whole seconds, as the interval field shows it
 * @param interval the same interval in words, "every 5 minutes"
 * @param skipped posts its polls saw and could not archive, most recent first
 * @param trustedTime whether a time-stamping authority dated the evidence chain's head, which vouches for every
 *     account's posts archived before it
 */
public record AccountDetail(
        AccountRow row,
        boolean enabled,
        long intervalSeconds,
        String interval,
        Moment lastSuccess,
        Map<String, String> options,
        List<SkippedRow> skipped,
        TrustedTime trustedTime) {}
