package dev.afterimage.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.archive.PostAdmission;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The archive's real schema (the application's Flyway migrations) in an in-memory H2 database, for tests that must
 * know a post can be stored without starting the application: {@link #store} writes a post admitted by
 * {@link PostAdmission} into the same tables and columns the archive uses, and rolls the write back.
 */
public final class ScratchArchive implements AutoCloseable {

    private static final AtomicLong DATABASES = new AtomicLong();

    private final Connection connection;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private long accounts;

    public ScratchArchive() {
        String url = "jdbc:h2:mem:scratch-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try {
            connection = DriverManager.getConnection(url, "sa", "");
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the scratch archive " + url, e);
        }
    }

    /**
     * Admits each post as the poller does and stores those admitted, as a new post with its first version and media
     * links; returns the posts skipped, with their reasons. Throws when the database refuses an admitted post.
     */
    public Map<String, String> store(List<SourcePost> posts, Instant now) throws SQLException {
        Map<String, String> skipped = new LinkedHashMap<>();
        try {
            long accountId = account();
            Set<String> stored = new HashSet<>();
            for (SourcePost post : posts) {
                switch (PostAdmission.of(post, now)) {
                    case PostAdmission.Skipped skip -> skipped.put(skip.platformPostId(), skip.reason());
                    case PostAdmission.Admitted admitted -> {
                        // The archive finds a post it already has by id; a page listing one twice is one post.
                        if (stored.add(admitted.post().platformPostId())) {
                            storeNew(accountId, admitted.post(), now);
                        }
                    }
                }
            }
            return skipped;
        } finally {
            connection.rollback();
        }
    }

    private long account() throws SQLException {
        return ArchiveRows.account(
                connection, "RSS", "scratch-" + ++accounts, "https://example.org/feed", null, true, Instant.now());
    }

    private void storeNew(long accountId, SourcePost post, Instant now) throws SQLException {
        long postId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO post (account_id, platform_post_id, url, published_at, first_seen_at, state,"
                        + " content_hash) VALUES (?, ?, ?, ?, ?, 'LIVE', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, accountId);
            insert.setString(2, post.platformPostId());
            insert.setString(3, post.url());
            insert.setTimestamp(4, post.publishedAt() == null ? null : Timestamp.from(post.publishedAt()));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, sha256(post.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            insert.executeUpdate();
            postId = ArchiveRows.generatedId(insert);
        }
        try (PreparedStatement sighting =
                connection.prepareStatement("INSERT INTO post_sighting (post_id, last_seen_at) VALUES (?, ?)")) {
            sighting.setLong(1, postId);
            sighting.setTimestamp(2, Timestamp.from(now));
            sighting.executeUpdate();
        }
        long versionId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO post_version (post_id, observed_at, text_plain, text_html, edited_marker, details_json,"
                        + " content_hash, raw_fragment, raw_sha256, source_url, platform_version_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, postId);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setString(3, post.text());
            insert.setString(4, post.html());
            insert.setBoolean(5, post.edited());
            insert.setString(6, details(post));
            insert.setString(7, sha256(post.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            insert.setBytes(8, post.rawFragment());
            insert.setString(9, sha256(post.rawFragment()));
            insert.setString(10, "https://example.org/feed");
            insert.setTimestamp(11, post.versionAt() == null ? null : Timestamp.from(post.versionAt()));
            insert.executeUpdate();
            versionId = ArchiveRows.generatedId(insert);
        }
        List<SourceMedia> media = post.media();
        for (int position = 0; position < media.size(); position++) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO version_media (version_id, position, kind, source_url) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, versionId);
                insert.setInt(2, position);
                insert.setString(3, media.get(position).kind().name());
                insert.setString(4, media.get(position).url());
                insert.executeUpdate();
            }
        }
    }

    /** The same details the archive keeps as JSON beside each version. */
    private String details(SourcePost post) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("linkPreview", post.linkPreview());
        details.put("attachments", post.attachments());
        details.put("forwardedFrom", post.forwardedFrom());
        details.put("replyTo", post.replyTo());
        details.put("views", post.views());
        details.put("reactions", post.reactions());
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + post.url() + " are not serialisable", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
