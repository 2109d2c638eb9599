package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import dev.afterimage.watch.Account;
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
                "select e.accountId, count(e) from EventRecord e where e.type = :type and e.detectedAt >= :since"
                        + " group by e.accountId",
                Map.of("type", EventType.POST_DELETED, "since", now.minus(RECENT)));
        Map<Long, Long> edits = counts(
                "select e.accountId, count(e) from EventRecord e where e.type in :types and e.detectedAt >= :since"
                        + " group by e.accountId",
                Map.of("types", List.of(EventType.POST_EDITED, EventType.MEDIA_CHANGED), "since", now.minus(RECENT)));
        List<Account> accounts = Account.list("order by id");
        return accounts.stream()
                .map(account -> AccountRow.of(
                        account,
                        now,
                        posts.getOrDefault(account.id, 0L),
                        deletions.getOrDefault(account.id, 0L),
                        edits.getOrDefault(account.id, 0L)))
                .toList();
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
