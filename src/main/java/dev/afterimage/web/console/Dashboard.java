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
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard shows of the accounts: how many there are and how many need attention, and one page of them,
 * those that need attention first. Its queries read every account row but only the posts and events of the page's
 * accounts, so the page costs about the same with ten accounts or ten thousand.
 */
@ApplicationScoped
class Dashboard {

    /** Accounts on one page: a screenful to scan, not ten thousand rows for the browser to lay out. */
    static final int PAGE_SIZE = 100;

    private static final Duration RECENT = Duration.ofHours(24);

    private final Clock clock;

    Dashboard(Clock clock) {
        this.clock = clock;
    }

    /**
     * One page of accounts and the totals over all of them.
     *
     * @param failing how many need attention (see {@link AccountRow#FAILING})
     * @param paused how many are paused
     */
    record AccountsPage(List<AccountRow> rows, long total, long failing, long paused, int page, boolean hasNext) {

        /** The position of the page's first account, from 1. */
        public long first() {
            return (long) page * PAGE_SIZE + 1;
        }

        public long last() {
            return first() + rows.size() - 1;
        }
    }

    /**
     * The page of accounts whose name, handle, group or address holds {@code words} (all accounts when empty): those
     * that need attention first, then the newest added.
     *
     * @param words stripped of surrounding blanks
     */
    @Transactional
    AccountsPage accounts(String words, int page) {
        Instant now = clock.instant();
        Map<String, Object> parameters = new HashMap<>(AccountRow.failingParameters());
        String where = "";
        if (!words.isEmpty()) {
            where = " where (lower(a.handle) like :words escape '!' or lower(a.label) like :words escape '!'"
                    + " or lower(a.groupName) like :words escape '!' or lower(a.canonicalUrl) like :words escape '!')";
            parameters.put("words", "%" + likeEscaped(words.toLowerCase(Locale.ROOT)) + "%");
        }
        var totals = Panache.getEntityManager()
                .createQuery(
                        "select count(a), sum(case when " + AccountRow.FAILING + " then 1 else 0 end),"
                                + " sum(case when a.enabled = false then 1 else 0 end) from Account a" + where,
                        Object[].class);
        parameters.forEach(totals::setParameter);
        Object[] counted = totals.getSingleResult();
        List<Account> accounts = Account.<Account>find(
                        "from Account a" + where + " order by case when " + AccountRow.FAILING
                                + " then 0 else 1 end, a.id desc",
                        parameters)
                .range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE)
                .list();
        boolean hasNext = accounts.size() > PAGE_SIZE;
        List<Account> shown = hasNext ? accounts.subList(0, PAGE_SIZE) : accounts;
        long total = number(counted[0]);
        long failing = number(counted[1]);
        long paused = number(counted[2]);
        if (shown.isEmpty()) {
            return new AccountsPage(List.of(), total, failing, paused, page, false);
        }
        List<Long> ids = shown.stream().map(account -> account.id).toList();
        Map<Long, Long> posts = counts(
                "select p.accountId, count(p.id) from Post p where p.accountId in :ids group by p.accountId",
                Map.of("ids", ids));
        Map<Long, Long> deletions = counts(
                "select e.accountId, count(e) from EventRecord e where e.type = :type and e.detectedAt >= :since"
                        + " and e.accountId in :ids group by e.accountId",
                Map.of("type", EventType.POST_DELETED, "since", now.minus(RECENT), "ids", ids));
        Map<Long, Long> edits = counts(
                "select e.accountId, count(e) from EventRecord e where e.type in :types and e.detectedAt >= :since"
                        + " and e.accountId in :ids group by e.accountId",
                Map.of(
                        "types",
                        List.of(EventType.POST_EDITED, EventType.MEDIA_CHANGED),
                        "since",
                        now.minus(RECENT),
                        "ids",
                        ids));
        List<AccountRow> rows = shown.stream()
                .map(account -> AccountRow.of(
                        account,
                        now,
                        posts.getOrDefault(account.id, 0L),
                        deletions.getOrDefault(account.id, 0L),
                        edits.getOrDefault(account.id, 0L)))
                .toList();
        return new AccountsPage(rows, total, failing, paused, page, hasNext);
    }

    /** Text to find inside a LIKE pattern: its own wildcards and the escape character match themselves. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A count or sum, which is null over no rows. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<Long, Long> counts(String query, Map<String, Object> parameters) {
        var typed = Panache.getEntityManager().createQuery(query, Object[].class);
        parameters.forEach(typed::setParameter);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : typed.getResultList()) {
            if (row[0] != null) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}
