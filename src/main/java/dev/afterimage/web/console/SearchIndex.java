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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
     * first poll archiving hundreds of posts); the numbers this far below the mark that no batch found are looked for
     * again, which picks up those committed late.
     */
    private static final int OVERLAP = 2000;

    /** Ids asked for in one statement at most. */
    private static final int KEYS_PER_QUERY = 100;

    /**
     * The numbers below a mark that no batch found: versions still to commit, or numbers never used.
     *
     * @param mark the mark they are below, as this instance's last committed batch left it
     */
    record Gaps(long mark, Set<Long> ids) {

        static final Gaps UNKNOWN = new Gaps(-1, Set.of());
    }

    /**
     * Result of one batch.
     *
     * @param versions the new versions it indexed (above the mark)
     * @param texts the texts it read: the new versions' and those of the late ones it found below the mark
     * @param more whether versions remain beyond it
     * @param gaps the numbers below its new mark it did not find
     */
    record Progress(int versions, int texts, boolean more, Gaps gaps) {

        static final Progress NOTHING = new Progress(0, 0, false, Gaps.UNKNOWN);
    }

    /**
     * Where this instance's last committed batch left the mark, and the gaps below it. A batch that finds the mark
     * there looks up only those gaps by their number; one that finds it elsewhere (the first after a start, or after
     * another instance's batch) reads the whole overlap again. Reading the overlap at every batch was most of the
     * indexer's work while polls ran: H2 reads each version's whole row, evidence included, even for its number alone.
     */
    private final AtomicReference<Gaps> gaps = new AtomicReference<>(Gaps.UNKNOWN);

    /** Every two seconds: a search finds a post within seconds of its archiving (and a search also catches up). */
    @Scheduled(
            every = "${afterimage.console.index-every:2s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        catchUp(10);
    }

    /**
     * What a catch-up did.
     *
     * @param versions the new versions it indexed
     * @param texts the texts it read from the archive to do so
     */
    record CaughtUp(int versions, int texts) {}

    /** Indexes up to {@code batches} batches. */
    CaughtUp catchUp(int batches) {
        int versions = 0;
        int texts = 0;
        for (int batch = 0; batch < batches; batch++) {
            Progress progress = indexBatch();
            if (progress.versions() > 0) {
                gaps.set(progress.gaps());
            }
            versions += progress.versions();
            texts += progress.texts();
            if (!progress.more()) {
                break;
            }
        }
        return new CaughtUp(versions, texts);
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
        List<Version> fresh = versions(db, "v.id > ? ORDER BY v.id FETCH FIRST " + BATCH + " ROWS ONLY", List.of(mark));
        if (fresh.isEmpty()) {
            return Progress.NOTHING;
        }
        long newMark = fresh.getLast().id();
        Set<Long> missing = new HashSet<>(gapsBelow(mark));
        List<Version> unread = new ArrayList<>(fresh);
        List<Long> sought = missing.stream().sorted().toList();
        for (int from = 0; from < sought.size(); from += KEYS_PER_QUERY) {
            List<Long> chunk = sought.subList(from, Math.min(sought.size(), from + KEYS_PER_QUERY));
            List<Version> late = versions(db, "v.id IN (" + marks(chunk.size()) + ")", chunk);
            late.forEach(version -> missing.remove(version.id()));
            unread.addAll(late);
        }
        Set<Long> numbered = fresh.stream().map(Version::id).collect(Collectors.toSet());
        for (long id = Math.max(mark, newMark - OVERLAP) + 1; id < newMark; id++) {
            if (!numbered.contains(id)) {
                missing.add(id);
            }
        }
        missing.removeIf(id -> id <= newMark - OVERLAP);
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
        return new Progress(fresh.size(), unread.size(), fresh.size() == BATCH, new Gaps(newMark, Set.copyOf(missing)));
    }

    /**
     * The numbers below the mark, within the overlap, that no batch of this instance has found; every number there when
     * this instance's last batch did not leave the mark where it stands, since a version may have committed below it
     * after the batch that moved it. Words already indexed are skipped, so reading one again costs only the reading.
     */
    private Set<Long> gapsBelow(long mark) {
        Gaps known = gaps.get();
        if (known.mark() == mark) {
            return known.ids();
        }
        Set<Long> every = new HashSet<>();
        for (long id = Math.max(1, mark - OVERLAP + 1); id <= mark; id++) {
            every.add(id);
        }
        return every;
    }

    /** The versions the condition selects, with their post's account and their text. */
    private static List<Version> versions(Connection db, String condition, List<Long> parameters) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement read = db.prepareStatement("SELECT v.id, v.post_id, p.account_id, v.text_plain"
                + " FROM post_version v JOIN post p ON p.id = v.post_id WHERE " + condition)) {
            for (int index = 0; index < parameters.size(); index++) {
                read.setLong(index + 1, parameters.get(index));
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    versions.add(new Version(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
                }
            }
        }
        return versions;
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** The words already indexed for the posts of these versions. */
    private static Map<Long, Set<String>> known(Connection db, List<Version> versions) throws SQLException {
        Set<Long> posts = versions.stream().map(Version::postId).collect(Collectors.toSet());
        Map<Long, Set<String>> known = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT post_id, word FROM console_word WHERE post_id IN (" + marks(posts.size()) + ")")) {
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
