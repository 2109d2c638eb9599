package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.ArchiveRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's word index follows the archive, versions committed out of order included, and never twice. */
@QuarkusTest
class SearchIndexTest {

    @Inject
    SearchIndex index;

    @Inject
    AgroalDataSource data;

    @Test
    void aVersionCommittedBelowTheMarkIsIndexedOnceAndOthersAreNotReadAgain() throws SQLException {
        index.catchUp(Integer.MAX_VALUE);
        long account = account("search_index_order");
        long base = next("select coalesce(max(id), 0) from post_version") + 10;
        long post = post(account, "https://t.me/search_index_order/1");
        version(base + 2, post, "zebracorn parade");
        index.catchUp(Integer.MAX_VALUE);
        assertEquals(List.of("parade", "zebracorn"), words(post));

        // Committed after the index moved past its number, as a long first archive's version can be.
        version(base + 1, post, "lateword parade");
        version(base + 3, post, "newword");
        // Identity continues after the numbers given by hand, so later inserts of other tests do not collide.
        execute("alter table post_version alter column id restart with " + (base + 10));
        index.catchUp(Integer.MAX_VALUE);
        index.catchUp(Integer.MAX_VALUE);

        assertEquals(List.of("lateword", "newword", "parade", "zebracorn"), words(post));
    }

    @Test
    void aVersionBelowAMarkAnotherInstanceMovedIsIndexed() throws SQLException {
        index.catchUp(Integer.MAX_VALUE);
        long account = account("search_index_other");
        long base = next("select coalesce(max(id), 0) from post_version") + 10;
        long post = post(account, "https://t.me/search_index_other/1");
        version(base + 1, post, "elsewhere");
        // Another instance's batch moved the mark past it, and this one had never seen that mark.
        execute("update console_word_mark set last_version_id = " + (base + 1) + " where name = 'post_version'");
        version(base + 2, post, "nearby");
        execute("alter table post_version alter column id restart with " + (base + 10));
        index.catchUp(Integer.MAX_VALUE);

        assertEquals(List.of("elsewhere", "nearby"), words(post));
    }

    @Test
    void aBatchReadsTheTextsOfNewVersionsAndOfNoneAlreadyRead() throws SQLException {
        long account = account("search_index_reads");
        long post = post(account, "https://t.me/search_index_reads/1");
        // The scheduled tick shares the indexer and may take a batch first: only a batch this call made is looked at.
        SearchIndex.CaughtUp mine = new SearchIndex.CaughtUp(0, 0);
        for (int attempt = 0; attempt < 20 && mine.versions() == 0; attempt++) {
            index.catchUp(Integer.MAX_VALUE);
            version(post, "quietword" + (char) ('a' + attempt));
            mine = index.catchUp(1);
        }
        assertTrue(mine.versions() > 0, "the test's own catch-up indexed the new version at least once in 20 tries");
        assertEquals(
                mine.versions(),
                mine.texts(),
                "the versions below the mark, read by the batch before, are not read again");
    }

    private void execute(String statement) throws SQLException {
        try (Connection db = data.getConnection();
                var run = db.createStatement()) {
            run.execute(statement);
        }
    }

    private List<String> words(long post) throws SQLException {
        try (Connection db = data.getConnection();
                PreparedStatement read =
                        db.prepareStatement("select word from console_word where post_id = ? order by word")) {
            read.setLong(1, post);
            List<String> words = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    words.add(rows.getString(1));
                }
            }
            return words;
        }
    }

    private long account(String handle) throws SQLException {
        try (Connection db = data.getConnection()) {
            return ArchiveRows.account(db, "TELEGRAM", handle, "https://t.me/" + handle, null, false, Instant.now());
        }
    }

    private long post(long account, String url) throws SQLException {
        try (Connection db = data.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "insert into post (account_id, platform_post_id, url, published_at, first_seen_at,"
                                + " state, content_hash) values (?, '1', ?, ?, ?, 'LIVE', ?)",
                        new String[] {"id"})) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setLong(1, account);
            insert.setString(2, url);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.setString(5, "0".repeat(64));
            insert.executeUpdate();
            long id = ArchiveRows.generatedId(insert);
            try (PreparedStatement sighting =
                    db.prepareStatement("insert into post_sighting (post_id, last_seen_at) values (?, ?)")) {
                sighting.setLong(1, id);
                sighting.setTimestamp(2, now);
                sighting.executeUpdate();
            }
            return id;
        }
    }

    private void version(long id, long post, String text) throws SQLException {
        insertVersion("id, ", "?, ", List.of(id), post, text);
    }

    /** A version numbered by the database, as the archive's are. */
    private void version(long post, String text) throws SQLException {
        insertVersion("", "", List.of(), post, text);
    }

    private void insertVersion(String idColumn, String idValue, List<Long> id, long post, String text)
            throws SQLException {
        try (Connection db = data.getConnection();
                PreparedStatement insert = db.prepareStatement("insert into post_version (" + idColumn
                        + "post_id, observed_at, text_plain, text_html, edited_marker, details_json, content_hash,"
                        + " raw_fragment, raw_sha256, source_url) values (" + idValue
                        + "?, ?, ?, ?, false, '{}', ?, ?, ?, ?)")) {
            int column = 1;
            for (long given : id) {
                insert.setLong(column++, given);
            }
            insert.setLong(column++, post);
            insert.setTimestamp(column++, Timestamp.from(Instant.now()));
            insert.setString(column++, text);
            insert.setString(column++, text);
            insert.setString(column++, "1".repeat(64));
            insert.setBytes(column++, text.getBytes());
            insert.setString(column++, "2".repeat(64));
            insert.setString(column, "https://t.me/s/search_index_order");
            insert.executeUpdate();
        }
    }

    private long next(String query) throws SQLException {
        try (Connection db = data.getConnection();
                PreparedStatement read = db.prepareStatement(query);
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
