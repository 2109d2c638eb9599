package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.ArchiveRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A quiet account's unchanged listings move its run, not its posts' sightings, and every post still reads the time of
 * the last listing that showed it: while the run lasts, once a post is written on its own, and after the run ends.
 */
@QuarkusTest
class ListingRunTest {

    private static final AtomicInteger HANDLES = new AtomicInteger();
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    Archive archive;

    @Inject
    AgroalDataSource data;

    @Test
    void unchangedListingsMoveTheRunAndEveryMemberReadsItsLatestPoll() throws SQLException {
        long account = account();
        List<Long> posts = livePosts(account, 3);

        listedAgain(account, posts, at(1));
        listedAgain(account, posts, at(2));
        listedAgain(account, posts, at(3));

        assertEquals(same(posts, at(1)), sightings(posts), "only the run's start wrote the posts' own sightings");
        assertEquals(same(posts, at(3)), lastSeen(posts));
        assertTrue(hasRun(account));
    }

    @Test
    void aPostWrittenOnItsOwnLeavesTheRunAndEndingItWritesTheOthersLatestPoll() throws SQLException {
        long account = account();
        List<Long> posts = livePosts(account, 3);
        listedAgain(account, posts, at(1));
        listedAgain(account, posts, at(2));
        long rechecked = posts.getFirst();

        QuarkusTransaction.requiringNew().run(() -> archive.markSeen(Post.findById(rechecked), at(4), null));

        Map<Long, Instant> expected = new TreeMap<>(same(posts, at(2)));
        expected.put(rechecked, at(4));
        assertEquals(expected, lastSeen(posts), "the post seen on its own reads its own time, the others the run's");
        QuarkusTransaction.requiringNew().run(() -> archive.endListingRun(account));
        assertEquals(expected, sightings(posts), "ending the run wrote its latest poll into the members left");
        assertEquals(expected, lastSeen(posts));
        assertFalse(hasRun(account));
    }

    @Test
    void aListingOfOtherPostsEndsTheRunBeforeStartingItsOwn() throws SQLException {
        long account = account();
        List<Long> posts = livePosts(account, 4);
        List<Long> before = posts.subList(0, 3);
        List<Long> after = posts.subList(1, 4);
        listedAgain(account, before, at(1));
        listedAgain(account, before, at(2));

        listedAgain(account, after, at(3));
        listedAgain(account, after, at(4));

        Map<Long, Instant> expected = new TreeMap<>(same(after, at(4)));
        expected.put(posts.getFirst(), at(2));
        assertEquals(expected, lastSeen(posts), "the post no longer listed was last seen by the old run's last poll");
        Map<Long, Instant> own = new TreeMap<>(same(after, at(3)));
        own.put(posts.getFirst(), at(2));
        assertEquals(own, sightings(posts));
    }

    @Test
    void aListingTooLongForARunIsNotedPostByPost() throws SQLException {
        long account = account();
        List<Long> posts = livePosts(account, ListingRun.MAX_MEMBERS + 1);

        listedAgain(account, posts, at(1));
        listedAgain(account, posts, at(2));

        assertEquals(same(posts, at(2)), sightings(posts));
        assertEquals(same(posts, at(2)), lastSeen(posts));
        assertFalse(hasRun(account));
    }

    private void listedAgain(long account, List<Long> posts, Instant seenAt) {
        QuarkusTransaction.requiringNew().run(() -> archive.markListedAgain(account, posts, seenAt));
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static Map<Long, Instant> same(List<Long> posts, Instant at) {
        Map<Long, Instant> all = new TreeMap<>();
        posts.forEach(post -> all.put(post, at));
        return all;
    }

    private static Map<Long, Instant> lastSeen(List<Long> posts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Instant> all = new TreeMap<>();
            Post.inOrder(posts).forEach(post -> all.put(post.id, post.lastSeenAt));
            return all;
        });
    }

    private Map<Long, Instant> sightings(List<Long> posts) throws SQLException {
        Map<Long, Instant> all = new TreeMap<>();
        try (Connection db = data.getConnection();
                PreparedStatement read =
                        db.prepareStatement("SELECT last_seen_at FROM post_sighting WHERE post_id = ?")) {
            for (long post : posts) {
                read.setLong(1, post);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    all.put(post, row.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        }
        return all;
    }

    private boolean hasRun(long account) throws SQLException {
        try (Connection db = data.getConnection();
                PreparedStatement read = db.prepareStatement("SELECT 1 FROM listing_run WHERE account_id = ?")) {
            read.setLong(1, account);
            try (ResultSet row = read.executeQuery()) {
                return row.next();
            }
        }
    }

    private long account() throws SQLException {
        try (Connection db = data.getConnection()) {
            String handle = "run_" + HANDLES.incrementAndGet();
            return ArchiveRows.account(db, "TELEGRAM", handle, "https://t.me/" + handle, null, false, T0);
        }
    }

    /** {@code count} live posts of the account, each last seen at {@code T0}, by id. */
    private List<Long> livePosts(long account, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = data.getConnection()) {
            ArchiveRows.hourlyPosts(db, account, "run_" + account, count * 2, T0);
            try (PreparedStatement sightings = db.prepareStatement("INSERT INTO post_sighting (post_id, last_seen_at)"
                            + " SELECT id, ? FROM post WHERE account_id = ?");
                    PreparedStatement live = db.prepareStatement(
                            "SELECT id FROM post WHERE account_id = ? AND state = 'LIVE' ORDER BY id")) {
                sightings.setObject(1, T0.atOffset(java.time.ZoneOffset.UTC));
                sightings.setLong(2, account);
                sightings.executeUpdate();
                live.setLong(1, account);
                try (ResultSet rows = live.executeQuery()) {
                    while (rows.next() && ids.size() < count) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}
