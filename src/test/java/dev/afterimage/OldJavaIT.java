package dev.afterimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service started on a Java older than 21 says so, instead of ending without a word. */
class OldJavaIT {

    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    @TempDir
    Path workDir;

    @Test
    void anOlderJavaIsToldWhatIsNeeded() throws Exception {
        Optional<Path> oldJava = olderJava();
        Assumptions.assumeTrue(
                oldJava.isPresent(), "no Java older than 21 under " + JVMS + " to start the service with");
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Process process = new ProcessBuilder(oldJava.get().resolve("bin/java").toString(), "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service neither started nor stopped");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertTrue(
                output.contains("Afterimage needs Java 21 or newer; you have ") && output.contains("Getting a JDK 21"),
                output);
    }

    /** A JDK or JRE under /usr/lib/jvm whose release file names a version before 21. */
    private static Optional<Path> olderJava() throws IOException {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVMS)) {
            List<Path> candidates = homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> Files.isRegularFile(home.resolve("release")))
                    .toList();
            for (Path home : candidates) {
                Matcher version = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
                if (version.find() && Integer.parseInt(version.group(1)) < Launcher.NEEDED_JAVA) {
                    return Optional.of(home);
                }
            }
        }
        return Optional.empty();
    }
}
