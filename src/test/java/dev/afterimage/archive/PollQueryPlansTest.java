package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.ArchiveRows;
import dev.afterimage.testkit.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The queries every poll runs against its account's posts find them through an index on the account and the
 * condition, on H2 and PostgreSQL alike: an official account with years of posts must not cost a poll a read of them
 * all. Each query is written here as {@link Post} asks it (the listed posts as account and id pairs), with values in place of parameters so that both databases
 * explain it, against accounts of a few thousand posts (written, explained and rolled back in one transaction) so
 * that PostgreSQL's planner weighs what it would in service.
 */
@QuarkusTest
class PollQueryPlansTest {

    private static final int ACCOUNTS = 3;
    private static final int POSTS_PER_ACCOUNT = 3_000;
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Inject
    EntityManager entities;

    @Inject
    UserTransaction transaction;

    @Test
    void theLiveRecentPostsOfAnAccountAreFoundByPublicationTime() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE account_id = " + account + " AND state = 'LIVE'"
                        + " AND published_at >= " + timestamp(NOW.minus(Duration.ofDays(2))),
                "ix_post_account_newest",
                "ix_post_account_state_newest");
    }

    @Test
    void thePostsDueARecheckAreFoundByTheirRecheckTime() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE account_id = " + account + " AND state = 'LIVE'"
                        + " AND next_recheck_at <= " + timestamp(NOW) + " ORDER BY next_recheck_at",
                "ix_post_account_recheck");
    }

    @Test
    void listedPostsAreFoundByTheirPlatformIds() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE (account_id, platform_post_id) IN ("
                        + IntStream.rangeClosed(POSTS_PER_ACCOUNT - 19, POSTS_PER_ACCOUNT)
                                .mapToObj(n -> "(" + account + ", '" + n + "')")
                                .collect(Collectors.joining(", "))
                        + ")",
                "uq_post_account_platform_id");
    }

    /** The plan reads the posts through one of these indexes, bounded by a condition, and never scans the table. */
    private void assertReadThrough(LongFunction<String> query, String... indexes) throws Exception {
        String plan = QueryPlans.explainOver(
                entities,
                transaction,
                PollQueryPlansTest::archiveOfYears,
                account -> new NativeQuery(query.apply(account), List.of()));
        List<String> used = QueryPlans.indexesRead(plan);
        assertFalse(used.isEmpty(), "the posts must be read through an index; the plan:\n" + plan);
        for (String index : used) {
            assertTrue(
                    Arrays.stream(indexes).anyMatch(index::startsWith),
                    "the posts must be read through " + String.join(" or ", indexes) + ", not " + index
                            + "; the plan:\n" + plan);
        }
    }

    /**
     * Accounts of a post an hour, the oldest long re-checked yearly, a few deleted; the database's statistics brought
     * up to date where it keeps them. Returns the id of one of the accounts.
     */
    private static long archiveOfYears(Connection connection) throws SQLException {
        long account = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            String handle = "plans" + a + "_" + System.nanoTime();
            account = ArchiveRows.account(connection, "TELEGRAM", handle, "https://t.me/s/" + handle, null, true, NOW);
            ArchiveRows.hourlyPosts(connection, account, handle, POSTS_PER_ACCOUNT, NOW);
        }
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (Statement analyse = connection.createStatement()) {
                analyse.execute("ANALYZE post");
            }
        }
        return account;
    }

    private static String timestamp(Instant instant) {
        return "TIMESTAMP WITH TIME ZONE '"
                + instant.toString().replace('T', ' ').replace("Z", "+00") + "'";
    }
}
