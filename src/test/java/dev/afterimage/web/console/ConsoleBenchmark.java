package dev.afterimage.web.console;

import static io.restassured.RestAssured.given;

import dev.afterimage.testkit.ArchiveRows;
import dev.afterimage.testkit.MutableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Seeds 100,000 archived posts and times every console page server-side (the Server-Timing header: queries and
 * rendering, no network), then the dashboard again with 10,000 more accounts, writing the figures to
 * docs/benchmarks.md. Not part of the test run:
 * {@code ./mvnw -Pbenchmark test} (add {@code -Ppostgresql} for PostgreSQL).
 */
@QuarkusTest
class ConsoleBenchmark {

    private static final int POSTS = 100_000;
    /** One account holds most posts: the account page's worst case. */
    private static final int BIG_ACCOUNT_POSTS = 91_000;

    private static final int SMALL_ACCOUNTS = 9;
    private static final int WARM_UP = 10;
    private static final int RUNS = 40;
    /** Every 20th post was edited, every 50th deleted: far more than real channels, so filters have work. */
    private static final int EDIT_EVERY = 20;

    private static final int DELETE_EVERY = 50;
    private static final int BATCH = 2_000;
    private static final int MANY_ACCOUNTS = 10_000;
    private static final int POSTS_PER_MANY = 25;

    @Inject
    AgroalDataSource data;

    @Inject
    MutableClock clock;

    @Inject
    SearchIndex index;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final Random random = new Random(20171114);
    private final String[] words = vocabulary();

    @Test
    void timeEveryPageWithOneHundredThousandPosts() throws Exception {
        Instant now = clock.instant();
        long seedStarted = System.nanoTime();
        Seeded seeded = seed(now);
        long seedMillis = (System.nanoTime() - seedStarted) / 1_000_000;
        long indexStarted = System.nanoTime();
        index.catchUp(Integer.MAX_VALUE);
        // The scheduled tick may hold the mark for its own batch: wait until neither has anything left.
        while (index.catchUp(Integer.MAX_VALUE).versions() > 0 || index.behind()) {
            Thread.sleep(100);
        }
        long indexMillis = (System.nanoTime() - indexStarted) / 1_000_000;
        analyse();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("Dashboard (10 accounts, live feed)", "/console");
        pages.put("Account, newest 50 of 91,000", "/console/accounts/" + seeded.bigAccount());
        pages.put("Account, page 100 (offset 5,000)", "/console/accounts/" + seeded.bigAccount() + "?page=100");
        pages.put("Account, filter edited", "/console/accounts/" + seeded.bigAccount() + "?state=edited");
        pages.put("Account, filter deleted", "/console/accounts/" + seeded.bigAccount() + "?state=deleted");
        pages.put("Account, search a common word", "/console/accounts/" + seeded.bigAccount() + "?q=" + words[0]);
        pages.put("Account, search a word in no post", "/console/accounts/" + seeded.bigAccount() + "?q=nowhereword");
        pages.put("Account, small (1,000 posts)", "/console/accounts/" + seeded.smallAccount());
        pages.put("Post with 2 versions, diff", "/console/posts/" + seeded.editedPost());
        pages.put("Add account form", "/console/accounts/new");
        pages.put("Webhooks", "/console/webhooks");
        pages.put("Search by URL (found: redirect)", "/console/lookup?url=" + seeded.editedPostUrl());

        StringBuilder table = new StringBuilder("| Page | median ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
        timeEach(pages, table);
        seedManyAccounts(now);
        analyse();
        Map<String, String> many = new LinkedHashMap<>();
        many.put("Dashboard, " + String.format(Locale.ROOT, "%,d", MANY_ACCOUNTS) + " more accounts", "/console");
        many.put("Dashboard, page 50 of the accounts", "/console?page=50");
        many.put("Dashboard, find one account", "/console?q=many_4321");
        timeEach(many, table);
        Map<String, String> api = new LinkedHashMap<>();
        api.put("API, newest 100 posts of every account", "/api/posts?limit=100");
        api.put("API, newest 100 deleted posts of every account", "/api/posts?state=DELETED&limit=100");
        api.put(
                "API, first 100 events of the account of 91,000 posts",
                "/api/events?account=" + seeded.bigAccount() + "&limit=100");
        timeEach(api, table);
        write(table.toString(), seedMillis, indexMillis, seeded);
    }

    /**
     * Then the scale of a newsroom watching a region: this many more accounts of {@link #POSTS_PER_MANY} posts each,
     * all published in the last week, so the dashboard's chart counts them all.
     */
    private void seedManyAccounts(Instant now) throws SQLException {
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement post = db.prepareStatement("insert into post (account_id, platform_post_id, url,"
                    + " published_at, first_seen_at, state, content_hash) values (?, ?, ?, ?, ?, 'LIVE', ?)")) {
                for (int a = 0; a < MANY_ACCOUNTS; a++) {
                    long account = account(db, "many_" + a, now);
                    for (int n = 0; n < POSTS_PER_MANY; n++) {
                        Instant published = now.minus(Duration.ofHours(7L * n));
                        post.setLong(1, account);
                        post.setString(2, String.valueOf(n));
                        post.setString(3, "https://t.me/many_" + a + "/" + n);
                        post.setTimestamp(4, Timestamp.from(published));
                        post.setTimestamp(5, Timestamp.from(published));
                        post.setString(6, hash(n));
                        post.addBatch();
                    }
                    if (a % 100 == 99) {
                        post.executeBatch();
                    }
                }
                post.executeBatch();
            }
            try (PreparedStatement sightings = db.prepareStatement("insert into post_sighting (post_id, last_seen_at)"
                    + " select id, first_seen_at from post where id not in (select post_id from post_sighting)")) {
                sightings.executeUpdate();
            }
            db.commit();
        }
    }

    /** Times each page (name to path) and adds its row to the table. */
    private void timeEach(Map<String, String> pages, StringBuilder table) {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            double[] times = time(page.getValue());
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |%n",
                    page.getKey(),
                    times[times.length / 2],
                    times[(int) Math.ceil(times.length * 0.95) - 1],
                    times[times.length - 1]));
        }
    }

    /** What autovacuum (PostgreSQL) or a later ANALYZE (H2) does on a live database after a bulk load. */
    private void analyse() throws SQLException {
        try (Connection db = data.getConnection();
                var statement = db.createStatement()) {
            db.setAutoCommit(true);
            statement.execute(dbKind.equals("postgresql") ? "VACUUM ANALYZE" : "ANALYZE");
        }
    }

    /** A console page's time as it says (Server-Timing); an API call's at the client, its JSON included. */
    private double[] time(String path) {
        double[] times = new double[RUNS];
        for (int run = -WARM_UP; run < RUNS; run++) {
            long started = System.nanoTime();
            Response response = given().redirects().follow(false).get(path);
            double clientMillis = (System.nanoTime() - started) / 1_000_000.0;
            if (response.statusCode() != 200 && response.statusCode() != 303) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            String timing = response.header("Server-Timing");
            if (timing == null && !path.startsWith("/api/")) {
                throw new AssertionError(path + " sent no Server-Timing");
            }
            if (run >= 0) {
                times[run] = timing == null ? clientMillis : Double.parseDouble(timing.replaceFirst("^app;dur=", ""));
            }
        }
        Arrays.sort(times);
        return times;
    }

    private record Seeded(long bigAccount, long smallAccount, long editedPost, String editedPostUrl, long versions) {}

    private Seeded seed(Instant now) throws SQLException {
        try (Connection db = data.getConnection()) {
            db.setAutoCommit(false);
            List<Long> accounts = new ArrayList<>();
            for (int a = 0; a <= SMALL_ACCOUNTS; a++) {
                accounts.add(account(db, "bench_" + a, now));
            }
            long postId = next(db, "select coalesce(max(id), 0) from post");
            long versionId = next(db, "select coalesce(max(id), 0) from post_version");
            long eventId = next(db, "select last_value from event_sequence where name = 'event'");
            long editedPost = 0;
            String editedUrl = null;
            long versions = 0;
            try (PreparedStatement post = db.prepareStatement("insert into post (id, account_id, platform_post_id, url,"
                            + " published_at, first_seen_at, state, deleted_at, content_hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement version = db.prepareStatement("insert into post_version (id, post_id,"
                            + " observed_at, text_plain, text_html, edited_marker, details_json, content_hash,"
                            + " raw_fragment, raw_sha256, source_url) values (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)");
                    PreparedStatement event = db.prepareStatement("insert into event (id, type, account_id, post_id,"
                            + " post_url, detected_at, details) values (?, ?, ?, ?, ?, ?, '{}')")) {
                for (int i = 0; i < POSTS; i++) {
                    int accountIndex = i < BIG_ACCOUNT_POSTS ? 0 : 1 + (i - BIG_ACCOUNT_POSTS) / 1_000;
                    long account = accounts.get(accountIndex);
                    long id = ++postId;
                    String url = "https://t.me/bench_" + accountIndex + "/" + i;
                    // Spread over about a year; the newest minutes old.
                    Instant published = now.minus(Duration.ofMinutes(5L * (POSTS - i)));
                    boolean edited = i % EDIT_EVERY == 0;
                    boolean deleted = i % DELETE_EVERY == 1;
                    Instant seen = published.plusSeconds(60);
                    post.setLong(1, id);
                    post.setLong(2, account);
                    post.setString(3, String.valueOf(i));
                    post.setString(4, url);
                    post.setTimestamp(5, Timestamp.from(published));
                    post.setTimestamp(6, Timestamp.from(seen));
                    post.setString(7, deleted ? "DELETED" : "LIVE");
                    post.setTimestamp(8, deleted ? Timestamp.from(seen.plusSeconds(600)) : null);
                    post.setString(9, hash(id));
                    post.addBatch();
                    String text = sentence();
                    addVersion(version, ++versionId, id, seen, text, url);
                    versions++;
                    if (edited) {
                        addVersion(version, ++versionId, id, seen.plusSeconds(300), text + " " + sentence(), url);
                        versions++;
                        addEvent(event, ++eventId, "POST_EDITED", account, id, url, seen.plusSeconds(300));
                        if (accountIndex == 0) {
                            editedPost = id;
                            editedUrl = url;
                        }
                    }
                    if (deleted) {
                        addEvent(event, ++eventId, "POST_DELETED", account, id, url, seen.plusSeconds(600));
                    }
                    if (i % BATCH == BATCH - 1) {
                        post.executeBatch();
                        version.executeBatch();
                        event.executeBatch();
                    }
                }
                post.executeBatch();
                version.executeBatch();
                event.executeBatch();
            }
            // Each seeded post was last seen when it was first.
            try (PreparedStatement sightings = db.prepareStatement("insert into post_sighting (post_id, last_seen_at)"
                    + " select id, first_seen_at from post where id not in (select post_id from post_sighting)")) {
                sightings.executeUpdate();
            }
            try (PreparedStatement sequence =
                    db.prepareStatement("update event_sequence set last_value = ? where name = 'event'")) {
                sequence.setLong(1, eventId);
                sequence.executeUpdate();
            }
            // Identity columns continue after the rows inserted with explicit ids.
            restartIdentity(db, "post", postId + 1);
            restartIdentity(db, "post_version", versionId + 1);
            db.commit();
            return new Seeded(accounts.getFirst(), accounts.get(1), editedPost, editedUrl, versions);
        }
    }

    private void restartIdentity(Connection db, String table, long next) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("alter table " + table + " alter column id restart with " + next);
        }
    }

    /** An account polled just now, added 400 days ago. */
    private static long account(Connection db, String handle, Instant now) throws SQLException {
        long id = ArchiveRows.account(
                db,
                "TELEGRAM",
                handle,
                "https://t.me/" + handle,
                "Benchmark " + handle,
                false,
                now.minus(Duration.ofDays(400)));
        try (PreparedStatement polled =
                db.prepareStatement("update account set last_poll_at = ?, last_poll_outcome = 'OK' where id = ?")) {
            polled.setTimestamp(1, Timestamp.from(now));
            polled.setLong(2, id);
            polled.executeUpdate();
        }
        return id;
    }

    private static long next(Connection db, String query) throws SQLException {
        try (var statement = db.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void addVersion(
            PreparedStatement version, long id, long post, Instant observed, String text, String url)
            throws SQLException {
        version.setLong(1, id);
        version.setLong(2, post);
        version.setTimestamp(3, Timestamp.from(observed));
        version.setString(4, text);
        version.setString(5, text);
        version.setBoolean(6, false);
        version.setString(7, hash(id));
        version.setBytes(8, ("<div>" + text + "</div>").getBytes(StandardCharsets.UTF_8));
        version.setString(9, hash(id + 1));
        version.setString(10, url);
        version.addBatch();
    }

    private static void addEvent(
            PreparedStatement event, long id, String type, long account, long post, String url, Instant at)
            throws SQLException {
        event.setLong(1, id);
        event.setString(2, type);
        event.setLong(3, account);
        event.setLong(4, post);
        event.setString(5, url);
        event.setTimestamp(6, Timestamp.from(at));
        event.addBatch();
    }

    /** About 40 words, like a short channel post. */
    private String sentence() {
        StringBuilder text = new StringBuilder();
        int length = 25 + random.nextInt(30);
        for (int w = 0; w < length; w++) {
            text.append(w == 0 ? "" : " ")
                    .append(words[(int) Math.min(words.length - 1, Math.abs(random.nextGaussian()) * 400)]);
        }
        return text.toString();
    }

    private static String[] vocabulary() {
        String[] words = new String[3000];
        Random letters = new Random(42);
        for (int i = 0; i < words.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 3 + letters.nextInt(8);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + letters.nextInt(26)));
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static String hash(long seed) {
        return String.format(Locale.ROOT, "%064x", seed);
    }

    private void write(String table, long seedMillis, long indexMillis, Seeded seeded) throws IOException {
        Path file = Path.of("docs", "benchmarks.md");
        String section = "## Console pages, " + dbKind + "\n\n"
                + String.format(
                        Locale.ROOT,
                        "%d posts (%d versions) in %d accounts, seeded in %.1f s, word index built from scratch in"
                                + " %.1f s; %d runs per page after %d to warm up, on %d CPU cores (shared with other"
                                + " builds). Times are server-side (Server-Timing: queries and rendering). The rows from"
                                + " \"Dashboard, %,d more accounts\" on are after %,d more accounts of %d posts each,"
                                + " all of the last week, were added; the API rows are timed at the client (the whole"
                                + " request over loopback, its JSON included).%n%n",
                        POSTS,
                        seeded.versions(),
                        SMALL_ACCOUNTS + 1,
                        seedMillis / 1000.0,
                        indexMillis / 1000.0,
                        RUNS,
                        WARM_UP,
                        Runtime.getRuntime().availableProcessors(),
                        MANY_ACCOUNTS,
                        MANY_ACCOUNTS,
                        POSTS_PER_MANY)
                + table + "\n";
        String header = "# Benchmarks\n\nWritten by `./mvnw -Pbenchmark test` (H2) and `./mvnw -Pbenchmark,postgresql"
                + " test` (PostgreSQL); each run replaces its own section.\n\n";
        String existing = Files.exists(file) ? Files.readString(file) : header;
        String marker = "## Console pages, " + dbKind + "\n";
        int start = existing.indexOf(marker);
        String updated;
        if (start < 0) {
            updated = existing + section;
        } else {
            int end = existing.indexOf("\n## ", start + marker.length());
            updated = existing.substring(0, start) + section + (end < 0 ? "" : existing.substring(end + 1));
        }
        Files.writeString(file, updated);
    }
}
