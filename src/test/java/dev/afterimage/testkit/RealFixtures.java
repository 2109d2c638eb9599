package dev.afterimage.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real captured pages in {@code ../shared/fixtures/real} (see its PROVENANCE.md), read in place and never copied
 * into the repository. Surefire passes the folder in the system property {@value #PROPERTY}; a test that needs a
 * capture is skipped, not failed, where the folder is absent (e.g. a checkout without the shared folder).
 */
public final class RealFixtures {

    /** The system property naming the folder of real captures. */
    public static final String PROPERTY = "test.real-fixtures";

    // Where the folder sits relative to the project when a test runs outside Maven (e.g. from an IDE).
    private static final Path BESIDE_THE_PROJECT = Path.of("..", "shared", "fixtures", "real");

    private RealFixtures() {}

    /** The folder of real captures. */
    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        return configured == null || configured.isBlank() ? BESIDE_THE_PROJECT : Path.of(configured);
    }

    /** Skips the calling test (a JUnit assumption) when the folder of real captures is absent. */
    public static void assumePresent() {
        Path directory = directory();
        assumeTrue(
                Files.isDirectory(directory),
                () -> "real fixtures not found at " + directory.toAbsolutePath().normalize() + ": skipping");
    }

    /**
     * The bytes of one capture, e.g. {@code read("telegram/channel-page-durov-excerpt.html")}. Skips the calling test
     * when the folder is absent; a capture missing from a present folder is an error.
     */
    public static byte[] read(String relativePath) {
        assumePresent();
        Path file = directory().resolve(relativePath);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the real fixture " + file.toAbsolutePath().normalize(), e);
        }
    }

    /**
     * The captures under the given folders (e.g. {@code "rss"}, {@code "corpus/feeds"}) no larger than
     * {@code maxBytes}, in name order; empty where the folder of real captures is absent, for tests that also run on
     * pages of their own.
     */
    public static List<byte[]> pagesUnder(long maxBytes, String... folders) {
        List<byte[]> pages = new ArrayList<>();
        for (String folder : folders) {
            Path directory = directory().resolve(folder);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (Files.size(file) <= maxBytes) {
                        pages.add(Files.readAllBytes(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the real fixtures in " + directory, e);
            }
        }
        return pages;
    }
}
