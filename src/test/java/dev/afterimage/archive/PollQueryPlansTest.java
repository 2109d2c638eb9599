package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.ExplainedArchive;
import dev.afterimage.testkit.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

    @Inject
    ExplainedArchive archive;

    @Test
    void theLiveRecentPostsOfAnAccountAreFoundByPublicationTime() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE account_id = " + account + " AND state = 'LIVE'"
                        + " AND published_at >= " + timestamp(ExplainedArchive.NOW.minus(Duration.ofDays(2))),
                "ix_post_account_newest",
                "ix_post_account_state_newest");
    }

    @Test
    void thePostsDueARecheckAreFoundByTheirRecheckTime() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE account_id = " + account + " AND state = 'LIVE'"
                        + " AND next_recheck_at <= " + timestamp(ExplainedArchive.NOW) + " ORDER BY next_recheck_at",
                "ix_post_account_recheck");
    }

    @Test
    void listedPostsAreFoundByTheirPlatformIds() throws Exception {
        assertReadThrough(
                account -> "SELECT id FROM post WHERE (account_id, platform_post_id) IN ("
                        + IntStream.rangeClosed(
                                        ExplainedArchive.POSTS_PER_ACCOUNT - 19, ExplainedArchive.POSTS_PER_ACCOUNT)
                                .mapToObj(n -> "(" + account + ", '" + n + "')")
                                .collect(Collectors.joining(", "))
                        + ")",
                "uq_post_account_platform_id");
    }

    /** The plan reads the posts through one of these indexes, bounded by a condition, and never scans the table. */
    private void assertReadThrough(LongFunction<String> query, String... indexes) throws Exception {
        String plan = archive.explain("plans", account -> new NativeQuery(query.apply(account), List.of()));
        List<String> used = QueryPlans.indexesRead(plan);
        assertFalse(used.isEmpty(), "the posts must be read through an index; the plan:\n" + plan);
        for (String index : used) {
            assertTrue(
                    Arrays.stream(indexes).anyMatch(index::startsWith),
                    "the posts must be read through " + String.join(" or ", indexes) + ", not " + index
                            + "; the plan:\n" + plan);
        }
    }

    private static String timestamp(Instant instant) {
        return "TIMESTAMP WITH TIME ZONE '"
                + instant.toString().replace('T', ' ').replace("Z", "+00") + "'";
    }
}
