package dev.afterimage.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Rows written straight into the archive's tables, for tests and benchmarks that need many of them at once or in a
 * shape no poll would write (an archive of years, an account nobody polls). Statements only: the caller's connection
 * decides the transaction.
 */
public final class ArchiveRows {

    private ArchiveRows() {}

    /**
     * An account as the API would have added it, active and never polled; its id.
     *
     * @param label null for an account nobody labelled
     */
    public static long account(
            Connection db,
            String platform,
            String handle,
            String canonicalUrl,
            String label,
            boolean enabled,
            Instant createdAt)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO account (platform, handle, canonical_url, label, poll_interval_seconds, enabled,"
                        + " availability, origin, created_at, consecutive_unknown, watch_failing)"
                        + " VALUES (?, ?, ?, ?, 60, ?, 'ACTIVE', 'API', ?, 0, FALSE)",
                new String[] {"id"})) {
            insert.setString(1, platform);
            insert.setString(2, handle);
            insert.setString(3, canonicalUrl);
            insert.setString(4, label);
            insert.setBoolean(5, enabled);
            insert.setTimestamp(6, Timestamp.from(createdAt));
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    /** The id the database gave the row {@code insert} wrote. */
    public static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /**
     * An account's archive of years, as the platform would have served it: {@code count} posts, one an hour up to
     * {@code newest}, every 97th deleted, the live ones due a re-check a year after publication.
     */
    public static void hourlyPosts(Connection db, long account, String handle, int count, Instant newest)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO post (account_id, platform_post_id, url, published_at, first_seen_at, state,"
                        + " next_recheck_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int n = 1; n <= count; n++) {
                Instant published = newest.minus(Duration.ofHours(count - n));
                boolean deleted = n % 97 == 0;
                insert.setLong(1, account);
                insert.setString(2, String.valueOf(n));
                insert.setString(3, "https://t.me/" + handle + "/" + n);
                insert.setTimestamp(4, Timestamp.from(published));
                insert.setTimestamp(5, Timestamp.from(published));
                insert.setString(6, deleted ? "DELETED" : "LIVE");
                insert.setTimestamp(7, deleted ? null : Timestamp.from(published.plus(Duration.ofDays(365))));
                insert.setString(8, "0".repeat(64));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
