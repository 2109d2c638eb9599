package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.testkit.ArchiveRows;
import dev.afterimage.testkit.MutableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts count each post on its UTC day, to the second either side of midnight. */
@QuarkusTest
class DailyActivityTest {

    @Inject
    DailyActivity activity;

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource data;

    @Test
    void aPostIsCountedOnItsUtcDayEitherSideOfMidnight() throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long account;
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(true);
            String handle = "midnight_" + System.nanoTime();
            account = ArchiveRows.account(db, "TELEGRAM", handle, "https://t.me/" + handle, null, false, midnight);
            try (PreparedStatement post = db.prepareStatement("INSERT INTO post (account_id, platform_post_id, url,"
                    + " published_at, first_seen_at, state, content_hash) VALUES (?, ?, ?, ?, ?, 'LIVE', ?)")) {
                List<Instant> published = List.of(
                        midnight.minusSeconds(1), midnight, midnight.plusSeconds(1), midnight.minusSeconds(86_400));
                for (int n = 0; n < published.size(); n++) {
                    post.setLong(1, account);
                    post.setString(2, String.valueOf(n));
                    post.setString(3, "https://t.me/" + handle + "/" + n);
                    post.setTimestamp(4, Timestamp.from(published.get(n)));
                    post.setTimestamp(5, Timestamp.from(published.get(n)));
                    post.setString(6, "0".repeat(64));
                    post.executeUpdate();
                }
            }
        }

        List<ActivityDay> days = activity.lastDays(3, account);

        assertEquals(
                List.of(today.minusDays(2), today.minusDays(1), today),
                days.stream().map(ActivityDay::date).toList());
        assertEquals(List.of(0L, 2L, 2L), days.stream().map(ActivityDay::posts).toList());
    }
}
