package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.archive.NativeQuery;
import dev.afterimage.testkit.ExplainedArchive;
import dev.afterimage.testkit.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An account's page costs about the same with a hundred posts or a hundred thousand, on H2 and PostgreSQL alike: its
 * list reads the page's posts from an index in the order shown and stops there, and its progress bar counts the owed
 * files from the owed files, not from every post of the account. Each query is explained as the page asks it, against
 * accounts of a few thousand posts (written, explained and rolled back in one transaction).
 */
@QuarkusTest
class ConsoleQueryPlansTest {

    @Inject
    ExplainedArchive archive;

    @ParameterizedTest
    @EnumSource(PostFilter.class)
    void everyFilterOfTheListReadsThePageInIndexOrder(PostFilter filter) throws Exception {
        String plan = explain(
                account -> PostList.newest(account, filter).ids(2L * PostList.PAGE_SIZE, PostList.PAGE_SIZE + 1));
        List<String> used = QueryPlans.indexesRead(plan);
        assertFalse(used.isEmpty(), "the posts must be read through an index; the plan:\n" + plan);
        // The edited filter then counts each listed post's versions, through the versions' own index.
        for (String index : filter == PostFilter.EDITED ? used.subList(0, 1) : used) {
            assertTrue(
                    index.startsWith("ix_post_account_newest") || index.startsWith("ix_post_account_state_newest"),
                    "the posts must be read through an index of the account's newest posts, not " + index
                            + "; the plan:\n" + plan);
        }
        assertTrue(QueryPlans.inIndexOrder(plan), "the page must come out of the index in order; the plan:\n" + plan);
    }

    @Test
    void theOwedFilesOfAnAccountAreCountedFromTheOwedFiles() throws Exception {
        String plan = explain(account -> new NativeQuery(DailyActivity.OWED_BY_ACCOUNT, List.of(account)));
        assertFalse(
                QueryPlans.looksUpBy(plan, "account_id"),
                "the count must not read the account's posts for the owed files; the plan:\n" + plan);
        assertTrue(QueryPlans.looksUpBy(plan, "media_sha256"), "the plan:\n" + plan);
    }

    @Test
    void theChartCountsEachDaysPostsOverARangeOfTheIndexOnPublicationTime() throws Exception {
        String plan = explain(account -> DailyActivity.postsPerDayQuery(LocalDate.of(2026, 5, 3), 30, null));
        List<String> used = QueryPlans.indexesRead(plan);
        assertFalse(used.isEmpty(), "the plan:\n" + plan);
        assertTrue(
                used.stream().allMatch(index -> index.equals("ix_post_published") || index.equals("ix_post_newest")),
                "each day must be counted over a range of the index on publication time; the plan:\n" + plan);
        assertTrue(QueryPlans.looksUpBy(plan, "published_at"), "the plan:\n" + plan);
    }

    private String explain(LongFunction<NativeQuery> query) throws Exception {
        return archive.explain("console_plans", ConsoleQueryPlansTest::yearsOfVersions, query);
    }

    /**
     * Every post a version, every 20th edited (a second version), every 10th with a picture, fetched but for every
     * 100th post's.
     */
    private static void yearsOfVersions(Connection connection, long account) throws SQLException {
        String file = "%064x".formatted(account);
        try (PreparedStatement media = connection.prepareStatement("INSERT INTO media (sha256, content_type,"
                + " size_bytes, first_seen_at) VALUES (?, 'image/jpeg', 1000, ?)")) {
            media.setString(1, file);
            media.setTimestamp(2, Timestamp.from(ExplainedArchive.NOW));
            media.executeUpdate();
        }
        String versions = "INSERT INTO post_version (post_id, observed_at, text_plain, text_html, edited_marker,"
                + " details_json, content_hash, raw_fragment, raw_sha256, source_url)"
                + " SELECT id, published_at, 'text', 'text', FALSE, '{}', content_hash, ?, content_hash, url"
                + " FROM post WHERE account_id = ?";
        for (String which : List.of("", " AND MOD(CAST(platform_post_id AS INT), 20) = 0")) {
            try (PreparedStatement version = connection.prepareStatement(versions + which)) {
                version.setBytes(1, new byte[] {1});
                version.setLong(2, account);
                version.executeUpdate();
            }
        }
        try (PreparedStatement media = connection.prepareStatement(
                "INSERT INTO version_media (version_id, position, kind, source_url, media_sha256)"
                        + " SELECT v.id, 0, 'PHOTO', 'https://cdn.example/photo.jpg',"
                        + " CASE WHEN MOD(CAST(p.platform_post_id AS INT), 100) = 0 THEN NULL ELSE ? END"
                        + " FROM post_version v JOIN post p ON p.id = v.post_id"
                        + " WHERE p.account_id = ? AND MOD(CAST(p.platform_post_id AS INT), 10) = 0")) {
            media.setString(1, file);
            media.setLong(2, account);
            media.executeUpdate();
        }
    }
}
