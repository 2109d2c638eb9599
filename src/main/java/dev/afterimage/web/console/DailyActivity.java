package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import dev.afterimage.archive.NativeQuery;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts published, deletions and edits per UTC day, over every account or one. Counted by the database, grouped by
 * UTC day: a chart reads the window's posts and events from indexes on their times, and sends back one row a day.
 */
@ApplicationScoped
class DailyActivity {

    /**
     * The UTC day of an event, as days since the epoch: whole seconds divided as integers (H2 computes epoch seconds
     * as decimals, and dividing decimals is slow). A date instead would not do: H2 casts a time with a zone to a date
     * in the session's zone, not in UTC. The window never reaches before 1970, where integer division would round
     * towards the wrong day.
     */
    private static final String DAY_OF_EVENT = "CAST(FLOOR(EXTRACT(EPOCH FROM e.detected_at)) AS BIGINT) / 86400";
    /** Files not fetched yet: few, and found by the index on the file column. */
    private static final String OWED = "SELECT COUNT(*) FROM version_media m WHERE m.media_sha256 IS NULL";
    /**
     * Files of one account ({@code ?1}) not fetched yet: each owed file is asked which account it belongs to, by
     * primary keys. Joined instead, H2 reads, for each owed file, every post of the account.
     */
    static final String OWED_BY_ACCOUNT = OWED + " AND (SELECT p.account_id FROM post_version v"
            + " JOIN post p ON p.id = v.post_id WHERE v.id = m.version_id) = ?1";
    /** Files of one account ({@code ?1}) fetched: read from the account's posts, their versions, their files. */
    private static final String KEPT_BY_ACCOUNT = "SELECT COUNT(*) FROM post p JOIN post_version v ON v.post_id = p.id"
            + " JOIN version_media m ON m.version_id = v.id WHERE p.account_id = ?1 AND m.media_sha256 IS NOT NULL";

    private final Clock clock;

    DailyActivity(Clock clock) {
        this.clock = clock;
    }

    /** The last {@code days} UTC days, today included, oldest first; every day present, quiet ones as zeros. */
    @Transactional
    List<ActivityDay> lastDays(int days, Long accountId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Long, Long> posts = postsPerDay(first, days, accountId);
        Map<Long, Long> deletions = new HashMap<>();
        Map<Long, Long> edits = new HashMap<>();
        for (Object[] row : rows(
                "SELECT " + DAY_OF_EVENT + ", e.type, COUNT(*) FROM event e WHERE e.type IN ('"
                        + EventType.POST_DELETED + "', '" + EventType.POST_EDITED + "', '" + EventType.MEDIA_CHANGED
                        + "') AND e.detected_at >= ?1" + (accountId == null ? "" : " AND e.account_id = ?2")
                        + " GROUP BY " + DAY_OF_EVENT + ", e.type",
                from,
                accountId)) {
            long day = ((Number) row[0]).longValue();
            long count = ((Number) row[2]).longValue();
            (EventType.POST_DELETED.name().equals(row[1]) ? deletions : edits).merge(day, count, Long::sum);
        }
        List<ActivityDay> result = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            long day = date.toEpochDay();
            result.add(new ActivityDay(
                    date, posts.getOrDefault(day, 0L), deletions.getOrDefault(day, 0L), edits.getOrDefault(day, 0L)));
        }
        return result;
    }

    /**
     * Posts published on each day, counted over the index on publication time one day's range at a time: no function
     * of each post's time to compute, which over 250,000 posts of a month was most of a dashboard's time on H2.
     */
    private static Map<Long, Long> postsPerDay(LocalDate first, int days, Long accountId) {
        Map<Long, Long> posts = new HashMap<>();
        for (Object row : postsPerDayQuery(first, days, accountId)
                .create(Panache.getEntityManager(), "")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            posts.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        return posts;
    }

    /** Rows of (epoch day, posts published that UTC day), one for each of {@code days} days from {@code first}. */
    static NativeQuery postsPerDayQuery(LocalDate first, int days, Long accountId) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (accountId != null) {
            parameters.add(accountId);
        }
        int firstBound = parameters.size() + 1;
        for (int day = 0; day <= days; day++) {
            parameters.add(first.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        for (int day = 0; day < days; day++) {
            sql.append(day == 0 ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(first.toEpochDay() + day)
                    .append(", COUNT(*) FROM post p WHERE p.published_at >= ?")
                    .append(firstBound + day)
                    .append(" AND p.published_at < ?")
                    .append(firstBound + day + 1)
                    .append(accountId == null ? "" : " AND p.account_id = ?1");
        }
        return new NativeQuery(sql.toString(), parameters);
    }

    private static List<Object[]> rows(String sql, Instant from, Long accountId) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : new NativeQuery(sql, accountId == null ? List.of(from) : List.of(from, accountId))
                .create(Panache.getEntityManager(), "")
                .getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /** How far the first archive has come, over every account or one. */
    @Transactional
    ArchiveProgress progress(Long accountId) {
        long accounts = 0;
        long read = 0;
        if (accountId == null) {
            Object[] counts = (Object[]) Panache.getEntityManager()
                    .createNativeQuery("SELECT COUNT(*), COUNT(last_poll_at) FROM account WHERE enabled = TRUE")
                    .getSingleResult();
            accounts = ((Number) counts[0]).longValue();
            read = ((Number) counts[1]).longValue();
        }
        long owed = accountId == null ? count(OWED, null) : count(OWED_BY_ACCOUNT, accountId);
        // Files kept are counted only while some are owed: the one count that reads every media row of the account.
        long kept = owed == 0
                ? 0
                : accountId == null
                        ? count("SELECT COUNT(*) FROM version_media m WHERE m.media_sha256 IS NOT NULL", null)
                        : count(KEPT_BY_ACCOUNT, accountId);
        return ArchiveProgress.of(accounts, read, kept, owed);
    }

    private static long count(String sql, Long accountId) {
        return ((Number) new NativeQuery(sql, accountId == null ? List.of() : List.of(accountId))
                        .create(Panache.getEntityManager(), "")
                        .getSingleResult())
                .longValue();
    }
}
