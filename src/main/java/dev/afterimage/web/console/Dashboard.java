package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import dev.afterimage.detect.Availability;
import dev.afterimage.watch.Account;
import dev.afterimage.watch.PollOutcome;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the dashboard shows of every account, in three queries whatever the number of posts. */
@ApplicationScoped
class Dashboard {

    private static final Duration RECENT = Duration.ofHours(24);

    private final Clock clock;

    Dashboard(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    List<AccountRow> accounts() {
        Instant now = clock.instant();
        Map<Long, Long> posts = counts("select p.accountId, count(p) from Post p group by p.accountId", null);
        Map<Long, Long> deletions = counts(
                "select e.accountId, count(e) from Event e where e.type = :type and e.detectedAt >= :since"
                        + " group by e.accountId",
                Map.of("type", EventType.POST_DELETED, "since", now.minus(RECENT)));
        Map<Long, Long> edits = counts(
                "select e.accountId, count(e) from Event e where e.type = :type and e.detectedAt >= :since"
                        + " group by e.accountId",
                Map.of("type", EventType.POST_EDITED, "since", now.minus(RECENT)));
        List<Account> accounts = Account.list("order by id");
        return accounts.stream()
                .map(account -> new AccountRow(
                        account.id,
                        PlatformBadge.of(account.platform),
                        account.label != null ? account.label : "@" + account.handle,
                        account.handle,
                        account.canonicalUrl,
                        account.group,
                        Moment.of(account.lastPollAt, now),
                        account.lastPollOutcome == null ? "not polled yet" : account.lastPollOutcome.name(),
                        account.lastPollDetail,
                        posts.getOrDefault(account.id, 0L),
                        deletions.getOrDefault(account.id, 0L),
                        edits.getOrDefault(account.id, 0L),
                        health(account),
                        failing(account)))
                .toList();
    }

    static String health(Account account) {
        if (account.watchFailing) {
            return "Failing";
        }
        if (account.availability != Availability.ACTIVE) {
            return "Unavailable (" + account.availability.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        if (!account.enabled) {
            return "Paused";
        }
        if (account.lastPollOutcome == PollOutcome.UNKNOWN) {
            return "Last poll failed";
        }
        return "OK";
    }

    static boolean failing(Account account) {
        return account.watchFailing
                || account.availability != Availability.ACTIVE
                || account.lastPollOutcome == PollOutcome.UNKNOWN;
    }

    private static Map<Long, Long> counts(String query, Map<String, Object> parameters) {
        var typed = Panache.getEntityManager().createQuery(query, Object[].class);
        if (parameters != null) {
            parameters.forEach(typed::setParameter);
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : typed.getResultList()) {
            if (row[0] != null) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}
