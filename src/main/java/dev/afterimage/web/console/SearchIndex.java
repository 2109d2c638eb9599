package dev.afterimage.web.console;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Keeps the console's word index ({@code console_word}) in step with the archive: reads the versions archived since
 * it last looked and records each new word of each post. The archive is never changed by it.
 */
@ApplicationScoped
class SearchIndex {

    /** Versions per transaction: a few seconds of work at most, even on a cold start over a large archive. */
    private static final int BATCH = 1000;

    /**
     * Versions are numbered when inserted but may commit out of order (two accounts polled at once, one of them a
     * first poll archiving hundreds of posts); re-reading this many below the mark picks up those committed late.
     * Words already indexed are skipped, and an idle tick reads nothing, so it costs little.
     */
    private static final int OVERLAP = 2000;

    /** Result of one batch: whether versions remain beyond it, and the ids it read. */
    record Progress(int versions, boolean more, Set<Long> read) {

        static final Progress NOTHING = new Progress(0, false, Set.of());
    }

    /**
     * The versions the last committed batch of this instance read. Re-reading them below the mark finds nothing to
     * index, so their posts' words are not read again: only versions that are new, or that committed after that batch
     * read past them, are.
     */
    private final Set<Long> lastRead = ConcurrentHashMap.newKeySet();

    /** Every two seconds: a search finds a post within seconds of its archiving (and a search also catches up). */
    @Scheduled(
            every = "${afterimage.console.index-every:2s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        catchUp(10);
    }

    /** Indexes up to {@code batches} batches; answers how many versions were read. */
    int catchUp(int batches) {
        int read = 0;
        for (int batch = 0; batch < batches; batch++) {
            Progress progress = indexBatch();
            if (!progress.read().isEmpty()) {
                lastRead.clear();
                lastRead.addAll(progress.read());
            }
            read += progress.versions();
            if (!progress.more()) {
                break;
            }
        }
        return read;
    }

    /** Whether versions exist that the index has not read yet. */
    @Transactional
    boolean behind() {
        Object behind = Panache.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM post_version WHERE id > (SELECT last_version_id"
                        + " FROM console_word_mark WHERE name = 'post_version')")
                .getSingleResult();
        return ((Number) behind).longValue() > 0;
    }

    @Transactional
    Progress indexBatch() {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(this::indexBatch);
    }

    private Progress indexBatch(Connection db) throws SQLException {
        long mark;
        // Another indexer (a tick, a search, another instance) holds the mark: it is doing this work already.
        try (PreparedStatement lock = db.prepareStatement("SELECT last_version_id FROM console_word_mark"
                        + " WHERE name = 'post_version' FOR UPDATE SKIP LOCKED");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                return Progress.NOTHING;
            }
            mark = row.getLong(1);
        }
        // The usual tick finds nothing new: answer that from the primary key, before reading any text.
        try (PreparedStatement newest = db.prepareStatement("SELECT MAX(id) FROM post_version");
                ResultSet row = newest.executeQuery()) {
            if (!row.next() || row.getLong(1) <= mark) {
                return Progress.NOTHING;
            }
        }
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement read = db.prepareStatement("SELECT v.id, v.post_id, p.account_id, v.text_plain"
                + " FROM post_version v JOIN post p ON p.id = v.post_id WHERE v.id > ? ORDER BY v.id"
                + " FETCH FIRST " + (BATCH + OVERLAP) + " ROWS ONLY")) {
            read.setLong(1, Math.max(0, mark - OVERLAP));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    versions.add(new Version(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
                }
            }
        }
        long newMark = versions.stream().mapToLong(Version::id).max().orElse(mark);
        int fresh =
                (int) versions.stream().filter(version -> version.id() > mark).count();
        if (fresh == 0) {
            return Progress.NOTHING;
        }
        List<Version> unread = versions.stream()
                .filter(version -> version.id() > mark || !lastRead.contains(version.id()))
                .toList();
        Map<Long, Set<String>> known = known(db, unread);
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO console_word (account_id, word, post_id) VALUES (?, ?, ?)")) {
            for (Version version : unread) {
                Set<String> seen = known.computeIfAbsent(version.postId(), id -> new HashSet<>());
                for (String word : Words.of(version.text())) {
                    if (seen.add(word)) {
                        insert.setLong(1, version.accountId());
                        insert.setString(2, word);
                        insert.setLong(3, version.postId());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement advance =
                db.prepareStatement("UPDATE console_word_mark SET last_version_id = ? WHERE name = 'post_version'")) {
            advance.setLong(1, newMark);
            advance.executeUpdate();
        }
        return new Progress(
                fresh,
                versions.size() == BATCH + OVERLAP,
                versions.stream().map(Version::id).collect(Collectors.toSet()));
    }

    /** The words already indexed for the posts of these versions. */
    private static Map<Long, Set<String>> known(Connection db, List<Version> versions) throws SQLException {
        Set<Long> posts = versions.stream().map(Version::postId).collect(Collectors.toSet());
        Map<Long, Set<String>> known = new HashMap<>();
        String marks = posts.stream().map(id -> "?").collect(Collectors.joining(","));
        try (PreparedStatement read =
                db.prepareStatement("SELECT post_id, word FROM console_word WHERE post_id IN (" + marks + ")")) {
            int index = 1;
            for (Long post : posts) {
                read.setLong(index++, post);
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    known.computeIfAbsent(rows.getLong(1), id -> new HashSet<>())
                            .add(rows.getString(2));
                }
            }
        }
        return known;
    }

    private record Version(long id, long postId, long accountId, String text) {}
}
