package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        try (Connection db = data.getConnection();
                var statement = db.createStatement()) {
            statement.execute("alter table post_version alter column id restart with " + (base + 10));
        }
        index.catchUp(Integer.MAX_VALUE);
        index.catchUp(Integer.MAX_VALUE);

        assertEquals(List.of("lateword", "newword", "parade", "zebracorn"), words(post));
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
        try (Connection db = data.getConnection();
                PreparedStatement insert = db.prepareStatement("insert into post_version (id, post_id, observed_at,"
                        + " text_plain, text_html, edited_marker, details_json, content_hash, raw_fragment,"
                        + " raw_sha256, source_url) values (?, ?, ?, ?, ?, false, '{}', ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, post);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setString(4, text);
            insert.setString(5, text);
            insert.setString(6, "1".repeat(64));
            insert.setBytes(7, text.getBytes());
            insert.setString(8, "2".repeat(64));
            insert.setString(9, "https://t.me/s/search_index_order");
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
