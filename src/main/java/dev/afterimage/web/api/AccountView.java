package dev.afterimage.web.api;

import dev.afterimage.detect.Availability;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.watch.Account;
import dev.afterimage.watch.AccountOrigin;
import java.time.Instant;
import java.util.Map;

/** An account as the API shows it. */
public record AccountView(
        long id,
        String platform,
        String handle,
        String platformAccountId,
        String url,
        String label,
        String group,
        Map<String, String> options,
        String pollInterval,
        boolean enabled,
        Availability availability,
        AccountOrigin origin,
        Instant createdAt,
        Instant lastPollAt,
        PollOutcome lastPollOutcome,
        String lastPollDetail,
        Instant lastSuccessAt,
        boolean watchFailing) {

    static AccountView of(Account account) {
        return new AccountView(
                account.id,
                account.platform.apiName(),
                account.handle,
                account.platformAccountId,
                account.canonicalUrl,
                account.label,
                account.groupName,
                account.options(),
                account.pollInterval().toString(),
                account.enabled,
                account.availability,
                account.origin,
                account.createdAt,
                account.lastPollAt,
                account.lastPollOutcome,
                account.lastPollDetail,
                account.lastSuccessAt,
                account.watchFailing);
    }
}
