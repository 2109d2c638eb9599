package dev.afterimage.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The due-work table: when each enabled account is next due, and which instance holds its poll. Instances claim due
 * accounts in batches, skipping rows another instance is claiming at that moment, and hold each claim by a lease they
 * renew while the poll runs: an instance that dies stops renewing, and its accounts are claimable again when the lease
 * has run out and they are next due.
 */
@ApplicationScoped
class PollClaims {

    /** A poll_schedule row due at ?1 and held by no live claim; both of lockDue's queries check it. */
    private static final String DUE_AT_1 = "next_poll_at <= ?1 AND (claimed_until IS NULL OR claimed_until < ?1)";

    /**
     * A claimed account: when its poll was due, its interval, when it was last seen posting, and when it is due again
     * unless its poll learns otherwise ({@link PollScheduler} then gives the claim back with another time).
     */
    record Claim(long accountId, Instant due, Duration interval, Optional<Instant> postedAt, Instant next) {

        /**
         * Whether a poll that ended at {@code now}, having seen the account last post at {@code seenPostedAt}, gives
         * the claim back: it changed what the claim set (a newer post may bring a quiet account back to its interval,
         * and is written down), or the claim, held up to a {@code lease} longer, could still hold the account when it
         * is next due.
         */
        boolean givenBackAfter(Optional<Instant> seenPostedAt, Instant now, Duration lease) {
            return !seenPostedAt.equals(postedAt) || !next.isAfter(now.plus(lease));
        }
    }

    private final EntityManager entities;

    PollClaims(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Claims up to {@code limit} accounts due at {@code now}, oldest due first, for {@code node} until {@code until},
     * and moves each to its next due time by {@code cadence} already: a poll that learns nothing new (most of them)
     * then need not write the schedule again, and a claim that lapses, its instance dead, is polled again on its beat.
     */
    List<Claim> claim(String node, Instant now, int limit, Instant until, PollCadence cadence) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Claim> claimed = lockDue(now, limit).stream()
                    .map(row -> {
                        Instant due = instant(row[1]);
                        Duration interval = Duration.ofSeconds(((Number) row[2]).longValue());
                        Optional<Instant> postedAt = Optional.ofNullable(row[3]).map(PollClaims::instant);
                        return new Claim(
                                ((Number) row[0]).longValue(),
                                due,
                                interval,
                                postedAt,
                                cadence.next(due, interval, postedAt, now));
                    })
                    .toList();
            if (!claimed.isEmpty()) {
                hold(node, until, claimed);
            }
            return claimed;
        });
    }

    /** One batch of statements, each account's next time being its own. */
    private void hold(String node, Instant until, List<Claim> claimed) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement hold = connection.prepareStatement("UPDATE poll_schedule SET claimed_by = ?,"
                    + " claimed_until = ?, next_poll_at = ? WHERE account_id = ?")) {
                for (Claim claim : claimed) {
                    hold.setString(1, node);
                    hold.setObject(2, until.atOffset(ZoneOffset.UTC));
                    hold.setObject(3, claim.next().atOffset(ZoneOffset.UTC));
                    hold.setLong(4, claim.accountId());
                    hold.addBatch();
                }
                hold.executeBatch();
            }
        });
    }

    /**
     * Locks up to {@code limit} of the rows due at {@code now}, oldest first, skipping rows another claim holds. The
     * candidates are read first without a lock and then locked by their keys, the condition checked again under the
     * lock: H2 locks every row a {@code FOR UPDATE} query matches before it applies the {@code LIMIT}, so one query
     * would lock the whole backlog at every claim (10,000 rows, 100 ms, when an instance falls behind). Twice the
     * limit are read, so instances claiming at once need not all reach for the same rows.
     */
    private List<Object[]> lockDue(Instant now, int limit) {
        List<?> candidates = entities.createNativeQuery(
                        "SELECT account_id FROM poll_schedule WHERE " + DUE_AT_1 + " ORDER BY next_poll_at LIMIT ?2")
                .setParameter(1, now)
                .setParameter(2, 2 * limit)
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return rows(entities.createNativeQuery("SELECT account_id, next_poll_at,"
                        + " (SELECT poll_interval_seconds FROM account WHERE id = account_id), last_posted_at"
                        + " FROM poll_schedule WHERE account_id IN (?3) AND " + DUE_AT_1
                        + " ORDER BY next_poll_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(
                        3,
                        candidates.stream().map(id -> ((Number) id).longValue()).toList())
                .getResultList());
    }

    /** Extends the node's claims on the accounts it is still polling. */
    void renew(String node, Collection<Long> accountIds, Instant until) {
        if (accountIds.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                        "UPDATE poll_schedule SET claimed_until = ?1" + " WHERE claimed_by = ?2 AND account_id IN (?3)")
                .setParameter(1, until)
                .setParameter(2, node)
                .setParameter(3, List.copyOf(accountIds))
                .executeUpdate());
    }

    /**
     * Ends the node's claim: the account is next due at {@code next}; it was last seen posting at {@code postedAt}. Only
     * for a poll that changes what its claim set, or whose claim could outlast its next due time.
     */
    void release(String node, long accountId, Instant next, Optional<Instant> postedAt) {
        QuarkusTransaction.requiringNew().run(() -> releaseWithin(node, accountId, next, postedAt));
    }

    /**
     * {@link #release} within the caller's transaction, e.g. the one that records the poll. One statement: a poll
     * gives its claim back every minute, and when the account was last seen posting rarely moves with it.
     */
    void releaseWithin(String node, long accountId, Instant next, Optional<Instant> postedAt) {
        Query release = onlySchedule(
                        entities.createNativeQuery("UPDATE poll_schedule SET next_poll_at = ?1, claimed_by = NULL,"
                                + " claimed_until = NULL"
                                + (postedAt.isPresent()
                                        ? ", last_posted_at = CASE WHEN last_posted_at IS NULL OR last_posted_at < ?4"
                                                + " THEN ?4 ELSE last_posted_at END"
                                        : "")
                                + " WHERE account_id = ?2 AND claimed_by = ?3"))
                .setParameter(1, next)
                .setParameter(2, accountId)
                .setParameter(3, node);
        postedAt.ifPresent(posted -> release.setParameter(4, posted));
        release.executeUpdate();
    }

    /**
     * Gives back claims whose polls never started, e.g. queued as the instance stops: each account due again when its
     * claimed poll was, so another instance polls it at once.
     */
    void giveBack(String node, Collection<Claim> unstarted) {
        if (unstarted.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Claim claim : unstarted) {
                releaseWithin(node, claim.accountId(), claim.due(), Optional.empty());
            }
        });
    }

    /** Gives back every claim of the node at once, e.g. as it stops, so other instances need not wait for the lease. */
    void releaseAll(String node) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                        "UPDATE poll_schedule SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?1")
                .setParameter(1, node)
                .executeUpdate());
    }

    /** Puts an account on the schedule, first due at {@code first}; one already on it keeps its due time and claim. */
    void schedule(long accountId, Instant first) {
        entities.createNativeQuery("INSERT INTO poll_schedule (account_id, next_poll_at)"
                        + " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM poll_schedule WHERE account_id = ?1)")
                .setParameter(1, accountId)
                .setParameter(2, first)
                .executeUpdate();
    }

    /** Brings an account's next poll forward to {@code due} at the latest, e.g. after its interval was shortened. */
    void dueBy(long accountId, Instant due) {
        entities.createNativeQuery(
                        "UPDATE poll_schedule SET next_poll_at = ?1 WHERE account_id = ?2 AND next_poll_at > ?1")
                .setParameter(1, due)
                .setParameter(2, accountId)
                .executeUpdate();
    }

    void unschedule(long accountId) {
        entities.createNativeQuery("DELETE FROM poll_schedule WHERE account_id = ?1")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    boolean scheduled(long accountId) {
        return !entities.createNativeQuery("SELECT 1 FROM poll_schedule WHERE account_id = ?1")
                .setParameter(1, accountId)
                .getResultList()
                .isEmpty();
    }

    /** Takes off the schedule every account not enabled, and puts on it every enabled one missing. */
    void synchronise(Instant now, Duration spread) {
        entities.createNativeQuery("DELETE FROM poll_schedule WHERE account_id IN"
                        + " (SELECT id FROM account WHERE enabled = FALSE)")
                .executeUpdate();
        List<?> missing = entities.createNativeQuery("SELECT id FROM account WHERE enabled = TRUE"
                        + " AND id NOT IN (SELECT account_id FROM poll_schedule)")
                .getResultList();
        for (Object id : missing) {
            long accountId = ((Number) id).longValue();
            schedule(accountId, now.plusMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1)));
        }
    }

    /**
     * The statement touches the schedule alone, which no entity maps: Hibernate need not write the caller's changed
     * entities before it runs (for a statement it cannot read, it writes them all). In a poll's record the account's
     * changes are written once, at the commit.
     */
    private static Query onlySchedule(Query statement) {
        statement.unwrap(NativeQuery.class).addSynchronizedQuerySpace("poll_schedule");
        return statement;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("unexpected time value " + value.getClass());
        };
    }
}
