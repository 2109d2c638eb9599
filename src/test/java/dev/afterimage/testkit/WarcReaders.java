package dev.afterimage.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netpreserve.jwarc.WarcReader;

/**
 * The two independent WARC readers an export must satisfy, run as their users run them: jwarc's {@code validate}
 * command in a JVM of its own, and Webrecorder's warcio (npm) through a small node script. warcio is installed by
 * {@code .ci/run} into {@value #NPM_CACHE_PROPERTY} (default {@code ~/.cache/afterimage-npm}); a test that needs it is
 * skipped with a message where node or warcio is absent.
 */
public final class WarcReaders {

    /** The system property naming the npm prefix that holds warcio (set by .ci/run). */
    public static final String NPM_CACHE_PROPERTY = "afterimage.npm-cache";

    /** Both readers finish a small export in well under a second; a minute means something hangs. */
    private static final long TIMEOUT_SECONDS = 60;

    private WarcReaders() {}

    /** What {@code java -cp jwarc.jar org.netpreserve.jwarc.tools.WarcTool validate -v FILE} said. */
    public record Validation(int exitCode, String output) {
        /** jwarc exits 0 on some field errors (a malformed digest form), so the report is read too. */
        public boolean passed() {
            return exitCode == 0 && !output.contains("ERROR");
        }
    }

    /** One record as warcio read it: the digests the file declares and those warcio recomputed. */
    public record WarcioRecord(JsonNode json) {
        public String type() {
            return json.path("type").asText();
        }

        public String id() {
            return json.path("id").asText();
        }

        public String concurrentTo() {
            return json.path("concurrentTo").asText(null);
        }

        public String ipAddress() {
            return json.path("ipAddress").asText(null);
        }

        public String declared(String digest) {
            return json.path("declared").path(digest).asText(null);
        }

        public String recomputed(String digest) {
            return json.path("recomputed").path(digest).asText(null);
        }
    }

    public static Validation jwarcValidate(Path warc) {
        try {
            Path jwarc = Path.of(WarcReader.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Run run = run(List.of(
                    java.toString(),
                    "-cp",
                    jwarc.toString(),
                    "org.netpreserve.jwarc.tools.WarcTool",
                    "validate",
                    "-v",
                    warc.toString()));
            return new Validation(run.exitCode(), run.output());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("jwarc's jar has no usable location", e);
        }
    }

    /** Every record of {@code warc} as warcio reads it; skips the calling test without node or warcio. */
    public static List<WarcioRecord> warcio(Path warc) {
        Path warcio = npmCache().resolve("node_modules").resolve("warcio");
        assumeTrue(
                Files.isRegularFile(warcio.resolve("package.json")),
                () -> "warcio not installed at " + warcio
                        + " (.ci/run installs it with npm): skipping the warcio check");
        assumeTrue(onPath("node"), "node is not on the PATH: skipping the warcio check");
        Path script = script();
        Run run = run(List.of("node", script.toString(), warcio.toString(), warc.toString()));
        if (run.exitCode() != 0) {
            throw new AssertionError("warcio could not read " + warc + ":\n" + run.output());
        }
        ObjectMapper json = new ObjectMapper();
        List<WarcioRecord> records = new ArrayList<>();
        for (String line : run.output().lines().filter(l -> l.startsWith("{")).toList()) {
            try {
                records.add(new WarcioRecord(json.readTree(line)));
            } catch (IOException e) {
                throw new AssertionError("warcio script printed a line that is not JSON: " + line, e);
            }
        }
        return records;
    }

    public static Path npmCache() {
        String configured = System.getProperty(NPM_CACHE_PROPERTY, System.getenv("AFTERIMAGE_NPM_CACHE"));
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "afterimage-npm")
                : Path.of(configured);
    }

    private static Path script() {
        try {
            return Path.of(WarcReaders.class
                    .getResource("/evidence/warcio-digests.cjs")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the warcio script is not on the test class path", e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.getFirst() + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
