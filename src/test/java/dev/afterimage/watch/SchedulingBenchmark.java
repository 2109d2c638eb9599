package dev.afterimage.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.afterimage.testkit.BenchmarkReport;
import dev.afterimage.testkit.DatabaseServerCpu;
import dev.afterimage.testkit.FakeMessage;
import dev.afterimage.testkit.FakeTelegram;
import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.ProcessStat;
import dev.afterimage.testkit.ProductionAutovacuum;
import dev.afterimage.testkit.ServiceProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service watching N Telegram channels of 25 posts each at a 60 s interval, as a user would run it
 * ({@code -Xmx512m}, the suite's database), against a fake t.me in this JVM that injects deletions, edits and
 * faults at known times. Writes docs/benchmarks.md's "Scheduling" section for the database of the build. Runs the
 * jar of the last {@code package} (see docs/scheduling.md); {@code -Dbenchmark.scheduling.accounts=1000,10000}
 * chooses the sizes, {@code -Dbenchmark.scheduling.steady=PT3M} the measured window, and
 * {@code -Dbenchmark.scheduling.full-markup=true} gives each listed message the markup a real listing's has beside its
 * content ({@link FakeTelegram#fullMarkup}), for pages as heavy as real ones. The fake serves a channel's page byte for
 * byte the same until a post in it changes, as a quiet channel's would if its view counters stood still; with
 * {@code -Dbenchmark.scheduling.moving-views=true} its newest post's view count moves at every request, as a young
 * post's does on t.me, so no poll finds its page as it was (the figures go to a section of their own).
 */
class SchedulingBenchmark {

    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final int POSTS = 25;
    private static final Duration DELETE_EVERY = Duration.ofSeconds(5);
    private static final Duration EDIT_EVERY = Duration.ofSeconds(11);
    private static final Duration DETECTION_WAIT = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean FULL_MARKUP = Boolean.getBoolean("benchmark.scheduling.full-markup");
    private static final boolean MOVING_VIEWS = Boolean.getBoolean("benchmark.scheduling.moving-views");

    @TempDir
    Path workDir;

    @Test
    void pollsManyAccountsOnTime() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(
                Files.exists(jar),
                "the benchmark runs the packaged service: ./mvnw -B package -DskipTests first (with -Ppostgresql"
                        + " for PostgreSQL)");
        List<Integer> sizes = List.of(System.getProperty("benchmark.scheduling.accounts", "1000")
                        .split(","))
                .stream()
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        Duration steady = Duration.parse(System.getProperty("benchmark.scheduling.steady", "PT3M"));
        String db = PackagedDatabase.isPostgresql() ? "postgresql" : "h2";
        StringBuilder report = new StringBuilder();
        FakeTelegram sample = FakeTelegramServer.channel(0, Instant.now());
        report.append("The packaged service (`-Xmx512m`, ")
                .append(db)
                .append(") watching Telegram channels of ")
                .append(POSTS)
                .append(" posts at a 60 s interval (a listing page shows ")
                .append(sample.pageSize())
                .append(", ")
                .append(sample.listingPage(Optional.empty(), sample.pageSize()).getBytes(StandardCharsets.UTF_8).length
                        / 1024)
                .append(" KiB: each post a statement of ")
                .append(sample.messages().getLast().text().length())
                .append(" characters with its view count")
                .append(FULL_MARKUP ? ", in the markup a real listed message carries beside its content" : "")
                .append(
                        MOVING_VIEWS
                                ? "; the newest post's view count moves at every request, so no two polls of a"
                                        + " channel get the same page"
                                : "; a channel's page is byte for byte the same from one poll to the next until a post"
                                        + " in it changes")
                .append("), served by a fake t.me in the benchmark's JVM on the same ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores (")
                .append(cpuModel())
                .append("). During a ")
                .append(human(steady))
                .append(" window a post inside the watch window is deleted every ")
                .append(DELETE_EVERY.toSeconds())
                .append(" s and one edited every ")
                .append(EDIT_EVERY.toSeconds())
                .append(" s, and one channel in 50 answers its listing with HTTP 500 or 503: those must never be"
                        + " reported as deletions. Run on ")
                .append(Instant.now().toString(), 0, 10)
                .append(" by `SchedulingBenchmark`.\n\n");
        report.append(
                "| accounts | first archive | cores, steady | database server, cores | CPU per poll | bare parse | polls/s |"
                        + " deletions found | false alarms | deletion → webhook p50 / p99 / max | edits found |"
                        + " gap between polls p99 / max | lag (service) mean / max | heap used | RSS | machine load |\n");
        report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---:|---:|---:|\n");
        String upkeep;
        Optional<DatabaseServerCpu> server = DatabaseServerCpu.find();
        try (ProductionAutovacuum autovacuum = ProductionAutovacuum.ensure()) {
            upkeep = autovacuum.describe();
            for (int accounts : sizes) {
                report.append(run(accounts, steady, server)).append('\n');
            }
        }
        report.append(
                """

                Goals: first archive of 10,000 × 25 posts ≤ 10 min; steady state ≤ 1.0 core at 10,000 accounts; CPU per \
                unchanged poll ≤ 2 × the bare jsoup parse of the same page; deletion → webhook p99 ≤ 75 s; every account \
                polled within 75 s of its due time (gap between polls ≤ 135 s). "Cores, steady" is the service's CPU time \
                over the window divided by its length, read from /proc; "database server, cores" is the same for the \
                PostgreSQL server's processes where it runs on the same host (its backends, autovacuum and the rest, \
                which share the cores: the goal's 1.0 core is for the two together; on H2 the database is inside the \
                service and its CPU counted there); "CPU per poll" divides the service's by the polls made in \
                the window (most are unchanged, the rest carry the injected changes); "bare parse" is the CPU one jsoup \
                parse of the same listing page takes in the benchmark's JVM (the fastest of five rounds of 1,000 after a \
                warm-up). "Gap between polls" is measured at the fake \
                t.me between two listing requests for one channel; "lag" is the service's own \
                `afterimage_poll_lag_seconds` (start of a poll − its due time). The fake platform's own CPU shares the \
                cores; "machine load" is the 1-minute load average at the end of the window (other builds included).
                """);
        report.append(upkeep.isEmpty() ? "" : "\n" + upkeep + "\n");
        BenchmarkReport.replaceSection(
                "Scheduling, " + db + (MOVING_VIEWS ? ", view counts moving" : ""), report.toString());
    }

    private String run(int accounts, Duration steady, Optional<DatabaseServerCpu> server) throws Exception {
        FakeTelegramServer platform = new FakeTelegramServer(accounts);
        Path dir = Files.createDirectories(workDir.resolve("run-" + accounts));
        Map<String, String> properties = new HashMap<>(Map.of(
                "afterimage.platforms.telegram.base-url", platform.baseUrl(),
                "afterimage.fetch.allow-private-networks", "true",
                "afterimage.fetch.politeness.hosts.\"127.0.0.1\".max-concurrent", "64",
                "afterimage.fetch.politeness.hosts.\"127.0.0.1\".requests-per-second", "2000",
                "quarkus.log.level", "WARN"));
        properties.putAll(PackagedDatabase.freshSchema("scheduling_benchmark"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        // e.g. -XX:StartFlightRecording=filename=/tmp/poll.jfr to see where a poll's CPU goes
        Optional.ofNullable(System.getProperty("benchmark.scheduling.jvm-options"))
                .ifPresent(options -> jvm.addAll(List.of(options.split(" "))));
        try (ServiceProcess service = new ServiceProcess(dir, properties, jvm)) {
            service.start();
            given().baseUri(service.baseUrl())
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", platform.baseUrl() + "/hook"))
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201);
            Instant creating = Instant.now();
            createAccounts(service, platform, accounts);
            await(Duration.ofMinutes(30), () -> platform.channelsListed() >= accounts && okPolls(service) >= accounts);
            Duration firstArchive = Duration.between(creating, Instant.now());
            // Let the first archive's burst settle into the steady beat.
            Thread.sleep(INTERVAL.toMillis());

            long cpuBefore = cpuNanos(service.handle());
            long serverCpuBefore = server.map(DatabaseServerCpu::nanos).orElse(0L);
            double pollsBefore = polls(service);
            Metrics before = metrics(service);
            Instant windowStart = Instant.now();
            platform.resetGaps();
            platform.injectDuring(steady);
            double windowSeconds = Duration.between(windowStart, Instant.now()).toNanos() / 1e9;
            long cpu = cpuNanos(service.handle()) - cpuBefore;
            String serverCores = server.map(
                            database -> "%.2f".formatted((database.nanos() - serverCpuBefore) / 1e9 / windowSeconds))
                    .orElse(PackagedDatabase.isPostgresql() ? "not on this host" : "in the service");
            double polls = polls(service) - pollsBefore;
            // Taken at the window's end: once the faults stop, a failing channel's next listing would count the whole
            // window it was made to fail as one gap.
            String gaps = platform.gaps();
            Metrics gauges = metrics(service);
            long rss = rssBytes(service.handle());
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            await(DETECTION_WAIT, platform::allInjectedReported);
            platform.stopFaults();
            // A graceful stop, so a flight recording asked for by jvm-options is written.
            service.stop();
            return "| %,d | %s | %.2f | %s | %.2f ms | %.2f ms | %.0f | %d of %d | %d | %s | %d of %d | %s | %s | %d MiB | %d MiB | %s |"
                    .formatted(
                            accounts,
                            human(firstArchive),
                            cpu / 1e9 / windowSeconds,
                            serverCores,
                            polls == 0 ? 0 : cpu / 1e6 / polls,
                            platform.bareParseMillis(),
                            polls / windowSeconds,
                            platform.deletionsFound(),
                            platform.deletionsInjected(),
                            platform.falseAlarms(),
                            platform.deletionLatencies(),
                            platform.editsFound(),
                            platform.editsInjected(),
                            gaps,
                            gauges.lagSince(before),
                            (long) gauges.heapBytes() >> 20,
                            rss >> 20,
                            load);
        } finally {
            platform.close();
        }
    }

    private static void createAccounts(ServiceProcess service, FakeTelegramServer platform, int accounts)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (String channel : platform.channels()) {
                created.add(clients.submit(() -> given().baseUri(service.baseUrl())
                        .contentType(ContentType.JSON)
                        .body("{\"url\":\"https://t.me/" + channel + "\",\"pollInterval\":\"60s\"}")
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)));
            }
            for (Future<?> one : created) {
                one.get();
            }
        } finally {
            clients.shutdown();
        }
        assertTrue(platform.channels().size() == accounts);
    }

    private static double okPolls(ServiceProcess service) {
        return metricSum(service, "afterimage_polls_seconds_count{", "outcome=\"OK\"");
    }

    private static double polls(ServiceProcess service) {
        return metricSum(service, "afterimage_polls_seconds_count{", "");
    }

    private static double metricSum(ServiceProcess service, String prefix, String containing) {
        return scrape(service)
                .lines()
                .filter(line -> line.startsWith(prefix) && line.contains(containing))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String scrape(ServiceProcess service) {
        return given().baseUri(service.baseUrl())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The service's own view: scheduling lag and heap in use. */
    record Metrics(double lagSum, double lagCount, double lagMax, double heapBytes) {
        /** Mean lag of the polls since {@code start}, and the most recent maximum. */
        String lagSince(Metrics start) {
            double count = lagCount - start.lagCount;
            return "%.2f s / %.1f s".formatted(count == 0 ? 0 : (lagSum - start.lagSum) / count, lagMax);
        }
    }

    private static Metrics metrics(ServiceProcess service) {
        String text = scrape(service);
        return new Metrics(
                sum(text, "afterimage_poll_lag_seconds_sum"),
                sum(text, "afterimage_poll_lag_seconds_count"),
                sum(text, "afterimage_poll_lag_seconds_max"),
                text.lines()
                        .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum());
    }

    private static double sum(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long cpuNanos(ProcessHandle process) {
        return ProcessStat.of(process.pid())
                .orElseThrow(() -> new IllegalStateException("the service's process has ended"))
                .ownNanos();
    }

    private static long rssBytes(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                .findFirst()
                .orElse(0L);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
    }

    /**
     * t.me for N channels: listing pages and embeds rendered once per change, deletions and edits injected at
     * known times, webhooks received and matched against them.
     */
    static final class FakeTelegramServer implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, FakeTelegram> channels = new ConcurrentHashMap<>();
        private final Map<String, byte[]> listings = new ConcurrentHashMap<>();
        private final Map<String, Instant> lastListed = new ConcurrentHashMap<>();
        private final List<Long> gapsMillis = new CopyOnWriteArrayList<>();
        private final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final Map<String, Instant> deletedAt = new ConcurrentHashMap<>();
        private final Map<String, Instant> editedAt = new ConcurrentHashMap<>();
        private final Map<String, Instant> deletionReported = new ConcurrentHashMap<>();
        private final Set<String> editReported = ConcurrentHashMap.newKeySet();
        private final List<String> falseDeletions = new CopyOnWriteArrayList<>();
        private final Random random = new Random(2017);
        private final double bareParseMillis;

        FakeTelegramServer(int count) throws IOException {
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                FakeTelegram channel = channel(i, now);
                channels.put(channel.channel(), channel);
                render(channel);
            }
            bareParseMillis = bareParse(listings.get("bench_0"));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/", this::serve);
            server.createContext("/hook", this::receive);
            server.start();
        }

        static FakeTelegram channel(int number, Instant now) {
            FakeTelegram channel = new FakeTelegram("bench_" + number, "Ministry " + number)
                    .pageSize(20)
                    .fullMarkup(FULL_MARKUP);
            for (int post = 1; post <= POSTS; post++) {
                // One post every 9.6 hours: the newest page of 20 reaches past the 7-day window, one request a poll.
                channel.post(post, now.minus(Duration.ofMinutes(576L * (POSTS - post) + 30)), statement(post, number))
                        .views((post * 37 % 90 + 10) + "." + post % 10 + "K");
            }
            return channel;
        }

        /**
         * A long statement (570 characters in three paragraphs, where the texts of the corpus's real t.me pages have a
         * median of 72 and run up to 2,045), so the page carries some weight beside its markup: real pages are
         * heavier still, with media, reactions and icons (the corpus's weigh 100 to 145 KB for 12 to 31 posts).
         */
        private static String statement(int post, int ministry) {
            return "Statement " + post + " of ministry " + ministry + ". Today the minister met the delegation of the"
                    + " partner states to discuss the security of the region, the supply of humanitarian aid and the"
                    + " reconstruction of the bridges destroyed in the spring floods.\n\nThe parties agreed to set up"
                    + " a joint working group, which will meet every month and report to both governments on the"
                    + " progress made; the first meeting is planned for the beginning of next month.\n\nThe ministry"
                    + " reminds citizens that only information published on its official channels is reliable, and"
                    + " asks them not to share unverified reports.";
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Set<String> channels() {
            return channels.keySet();
        }

        int channelsListed() {
            return lastListed.size();
        }

        double bareParseMillis() {
            return bareParseMillis;
        }

        private void render(FakeTelegram channel) {
            listings.put(
                    channel.channel(),
                    channel.listingPage(Optional.empty(), channel.pageSize()).getBytes(StandardCharsets.UTF_8));
        }

        private static byte[] older(FakeTelegram channel, long before) {
            synchronized (channel) {
                return channel.listingPage(Optional.of(before), channel.pageSize())
                        .getBytes(StandardCharsets.UTF_8);
            }
        }

        /**
         * The CPU of one jsoup parse of a listing page on this thread, the fastest of five rounds after a warm-up: the
         * floor the goal compares with, which single rounds put anywhere between 0.25 and 0.65 ms for the same page on
         * this host.
         */
        private static double bareParse(byte[] page) {
            String html = new String(page, StandardCharsets.UTF_8);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 2_000; i++) {
                Jsoup.parse(html, "https://t.me/s/bench_0");
            }
            int runs = 1_000;
            double fastest = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    Jsoup.parse(html, "https://t.me/s/bench_0");
                }
                fastest = Math.min(fastest, (threads.getCurrentThreadCpuTime() - start) / 1e6 / runs);
            }
            return fastest;
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String query =
                        Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
                if (path.startsWith("/s/")) {
                    String channel = path.substring(3);
                    if (failing.contains(channel)) {
                        send(exchange, channel.hashCode() % 2 == 0 ? 500 : 503, "busy".getBytes());
                        return;
                    }
                    Instant now = Instant.now();
                    Instant previous = lastListed.put(channel, now);
                    if (previous != null) {
                        gapsMillis.add(Duration.between(previous, now).toMillis());
                    }
                    FakeTelegram fake = channels.get(channel);
                    if (fake == null) {
                        send(exchange, 404, "no such channel".getBytes());
                    } else if (query.startsWith("before=")) {
                        long before = Long.parseLong(query.substring("before=".length()));
                        send(exchange, 200, older(fake, before));
                    } else if (MOVING_VIEWS) {
                        send(exchange, 200, withViewsMoved(fake));
                    } else {
                        send(exchange, 200, listings.get(channel));
                    }
                    return;
                }
                String[] parts = path.substring(1).split("/");
                FakeTelegram channel = channels.get(parts[0]);
                if (channel == null) {
                    send(exchange, 404, "no such channel".getBytes());
                } else if (parts.length == 2 && query.contains("embed=1")) {
                    String embed;
                    synchronized (channel) {
                        embed = channel.embedPage(Long.parseLong(parts[1]));
                    }
                    send(exchange, 200, embed.getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, channel.landingPage().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        /** The newest page, its newest post seen by one more reader since the last request. */
        private static byte[] withViewsMoved(FakeTelegram channel) {
            synchronized (channel) {
                FakeMessage newest = channel.messages().getLast();
                newest.views(String.valueOf(Long.parseLong(newest.views().replaceAll("\\D", "")) + 1));
                return channel.listingPage(Optional.empty(), channel.pageSize()).getBytes(StandardCharsets.UTF_8);
            }
        }

        private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange) {
                Instant at = Instant.now();
                JsonNode message = JSON.readTree(exchange.getRequestBody());
                String type = message.path("type").asText();
                String url = message.path("data").path("post").path("url").asText();
                String key = url.replace("https://t.me/", "");
                if (type.equals("post.deleted")) {
                    if (deletedAt.containsKey(key)) {
                        deletionReported.putIfAbsent(key, at);
                    } else {
                        falseDeletions.add(key);
                    }
                } else if (type.equals("post.edited") && editedAt.containsKey(key)) {
                    editReported.add(key);
                }
                send(exchange, 200, new byte[0]);
            }
        }

        void resetGaps() {
            gapsMillis.clear();
        }

        /** Deletes and edits posts inside the watch window, and makes some channels fail, for {@code window}. */
        void injectDuring(Duration window) throws InterruptedException {
            List<String> names = new ArrayList<>(channels.keySet());
            Collections.sort(names);
            for (int i = 0; i < names.size(); i += 50) {
                failing.add(names.get(i));
            }
            Instant end = Instant.now().plus(window);
            Instant nextDelete = Instant.now();
            Instant nextEdit = Instant.now().plus(EDIT_EVERY);
            while (Instant.now().isBefore(end)) {
                if (!Instant.now().isBefore(nextDelete)) {
                    change(names, true);
                    nextDelete = nextDelete.plus(DELETE_EVERY);
                }
                if (!Instant.now().isBefore(nextEdit)) {
                    change(names, false);
                    nextEdit = nextEdit.plus(EDIT_EVERY);
                }
                Thread.sleep(100);
            }
        }

        private void change(List<String> names, boolean delete) {
            String name;
            do {
                name = names.get(random.nextInt(names.size()));
            } while (failing.contains(name));
            FakeTelegram channel = channels.get(name);
            // Posts 9 to 25 are inside the watch window; one already changed is left alone.
            long post;
            String key;
            do {
                post = 9 + random.nextInt(POSTS - 8);
                key = name + "/" + post;
            } while (deletedAt.containsKey(key) || editedAt.containsKey(key));
            synchronized (channel) {
                if (delete) {
                    channel.delete(post);
                    deletedAt.put(key, Instant.now());
                } else {
                    channel.edit(post, "Corrected statement " + post + ": the minister did not meet anyone.");
                    editedAt.put(key, Instant.now());
                }
                render(channel);
            }
        }

        void stopFaults() {
            failing.clear();
        }

        boolean allInjectedReported() {
            return deletionReported.size() >= deletedAt.size() && editReported.size() >= editedAt.size();
        }

        int deletionsInjected() {
            return deletedAt.size();
        }

        int deletionsFound() {
            return deletionReported.size();
        }

        int falseAlarms() {
            return falseDeletions.size();
        }

        int editsInjected() {
            return editedAt.size();
        }

        int editsFound() {
            return editReported.size();
        }

        String deletionLatencies() {
            List<Long> seconds = deletionReported.entrySet().stream()
                    .map(found -> Duration.between(deletedAt.get(found.getKey()), found.getValue())
                            .toSeconds())
                    .sorted()
                    .toList();
            if (seconds.isEmpty()) {
                return "none";
            }
            return "%d s / %d s / %d s".formatted(percentile(seconds, 50), percentile(seconds, 99), seconds.getLast());
        }

        String gaps() {
            List<Long> sorted = gapsMillis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format(
                    Locale.ROOT, "%.0f s / %.0f s", percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
        }

        private static long percentile(List<Long> sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
