package dev.afterimage.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md, where each benchmark replaces its own {@code ## } section and leaves the others alone. */
public final class BenchmarkReport {

    private static final Path FILE = Path.of("docs", "benchmarks.md");

    private BenchmarkReport() {}

    /** Writes {@code body} under the heading {@code ## title}, in place of that section's previous text. */
    public static void replaceSection(String title, String body) throws IOException {
        String marker = "## " + title + "\n";
        String section = marker + "\n" + body.strip() + "\n";
        String existing = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n\n";
        int start = existing.indexOf(marker);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int end = existing.indexOf("\n## ", start + marker.length());
            updated = existing.substring(0, start) + section + (end < 0 ? "" : existing.substring(end));
        }
        Files.writeString(FILE, updated);
    }
}
