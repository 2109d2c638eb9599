package dev.afterimage.move;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive the service made on H2 (a watched channel with a photo, an edit and a deletion) moved into an empty
 * PostgreSQL schema: every table arrives whole, bytes and times unchanged, and the service's next ids follow on.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class MoveToPostgresqlTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String SCHEMA = "afterimage_move_test";
    private static final String TARGET = ADMIN_URL + "?currentSchema=" + SCHEMA;
    private static final String SOURCE = "jdbc:h2:mem:afterimage-test";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @TempDir
    Path directory;

    @BeforeEach
    void freshTargetSchema() {
        Assumptions.assumeFalse(
                PackagedDatabase.isPostgresql(),
                "the move starts from an H2 archive; this build's database is PostgreSQL");
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at 127.0.0.1:5432 to move into (" + e.getMessage() + ")");
        }
    }

    @AfterEach
    void dropTargetSchema() throws SQLException {
        if (PackagedDatabase.isPostgresql()) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            // Nothing was created when PostgreSQL was not there.
        }
    }

    @Test
    void everyTableArrivesWholeAndNewIdsFollowOn() throws SQLException {
        TelegramScenario scenario = new TelegramScenario(wireMock, clock);
        scenario.post(1, Duration.ofHours(2), "Irrefutable evidence").photo(scenario.picture("frame", 51));
        scenario.post(2, Duration.ofHours(1), "Figures, первая версия");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(1);
        scenario.channel.edit(2, "Figures, вторая версия");
        scenario.advance(Duration.ofMinutes(1));
        scenario.poll();
        wordIndexCaughtUp();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        MoveToPostgresql.Summary summary = MoveToPostgresql.move(
                new MoveToPostgresql.Request(SOURCE, TARGET, "postgres", ""),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertTrue(summary.rows() > 0);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("POST_VERSION"), progress.toString());
        try (Connection h2 = DriverManager.getConnection(SOURCE, "sa", "");
                Connection pg = DriverManager.getConnection(TARGET, "postgres", "")) {
            for (String table : List.of(
                    "account",
                    "post",
                    "post_version",
                    "media",
                    "version_media",
                    "capture",
                    "event",
                    "evidence_entry",
                    "console_word",
                    "poll_schedule")) {
                assertEquals(count(h2, table), count(pg, table), table);
            }
            assertEquals(
                    column(h2, "SELECT text_plain, raw_sha256 FROM post_version ORDER BY id"),
                    column(pg, "SELECT text_plain, raw_sha256 FROM post_version ORDER BY id"));
            assertEquals(
                    column(h2, "SELECT state, url FROM post ORDER BY id"),
                    column(pg, "SELECT state, url FROM post ORDER BY id"));
            assertEquals(
                    instants(
                            h2,
                            "SELECT COALESCE(deleted_at, last_seen_at) FROM post JOIN post_sighting ON post_id = id ORDER BY id"),
                    instants(
                            pg,
                            "SELECT COALESCE(deleted_at, last_seen_at) FROM post JOIN post_sighting ON post_id = id ORDER BY id"));
            assertEquals(
                    instants(h2, "SELECT observed_at FROM post_version ORDER BY id"),
                    instants(pg, "SELECT observed_at FROM post_version ORDER BY id"));
            assertArrayEquals(
                    bytes(h2, "SELECT body FROM capture WHERE body IS NOT NULL ORDER BY id"),
                    bytes(pg, "SELECT body FROM capture WHERE body IS NOT NULL ORDER BY id"));
            long newest = single(pg, "SELECT MAX(id) FROM account");
            try (Statement insert = pg.createStatement()) {
                insert.executeUpdate("INSERT INTO account (platform, handle, canonical_url, poll_interval_seconds,"
                        + " enabled, availability, origin, created_at, consecutive_unknown, watch_failing, options_json,"
                        + " last_recorded_poll_seq) VALUES ('TELEGRAM', 'after_move', 'https://t.me/after_move',"
                        + " 60, TRUE, 'AVAILABLE', 'API', CURRENT_TIMESTAMP, 0, FALSE, '{}', 0)");
            }
            assertTrue(single(pg, "SELECT MAX(id) FROM account") > newest, "the next account gets a new id");
            long lastPoll = single(h2, "SELECT MAX(last_recorded_poll_seq) FROM account");
            assertTrue(lastPoll > 0, "the archive's polls were numbered");
            assertTrue(
                    single(pg, "SELECT nextval('poll_number')") > lastPoll,
                    "the next poll is numbered after those recorded in H2, so none is discarded as stale");
        }

        MoveException again = assertThrows(
                MoveException.class,
                () -> MoveToPostgresql.move(
                        new MoveToPostgresql.Request(SOURCE, TARGET, "postgres", ""), new PrintStream(progress)));
        assertTrue(again.getMessage().contains("already holds an archive"), again.getMessage());
    }

    @Test
    void aMissingArchiveOrAForeignTargetIsRefusedInWords() {
        MoveException missing = assertThrows(
                MoveException.class,
                () -> MoveToPostgresql.move(
                        MoveToPostgresql.Request.parse(
                                List.of("--from", directory.resolve("nothing").toString(), "--to", TARGET), Map.of()),
                        new PrintStream(new ByteArrayOutputStream())));
        assertTrue(missing.getMessage().startsWith("there is no H2 archive at"), missing.getMessage());
        MoveException notPostgresql = assertThrows(
                MoveException.class,
                () -> MoveToPostgresql.Request.parse(List.of("--from", "x", "--to", "jdbc:mysql://db/x"), Map.of()));
        assertTrue(notPostgresql.getMessage().contains("jdbc:postgresql:"), notPostgresql.getMessage());
    }

    /**
     * The move copies a stopped archive; this one is live, and the console's word index writes behind the polls every
     * two seconds. Waits until it has read every version, so nothing writes while the test compares the copies.
     */
    private static void wordIndexCaughtUp() throws SQLException {
        try (Connection h2 = DriverManager.getConnection(SOURCE, "sa", "")) {
            await("the console's word index catching up")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> column(
                                    h2,
                                    "SELECT COUNT(*) FROM post_version WHERE id > (SELECT last_version_id"
                                            + " FROM console_word_mark WHERE name = 'post_version')")
                            .equals(List.of("0|")));
        }
    }

    private static long count(Connection db, String table) throws SQLException {
        return single(db, "SELECT COUNT(*) FROM " + table);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.append(rows.getString(i)).append('|');
                }
                values.add(row.toString());
            }
            return values;
        }
    }

    private static List<Instant> instants(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            List<Instant> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1, OffsetDateTime.class).toInstant());
            }
            return values;
        }
    }

    private static byte[] bytes(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (rows.next()) {
                all.writeBytes(rows.getBytes(1));
            }
            return all.toByteArray();
        }
    }
}
