package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.testkit.RealFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The held-out feeds of {@code ../shared/fixtures/real/corpus} (see its PROVENANCE.md): feedparser's own test cases
 * ({@code fp_*}) and feeds other feed readers' projects captured from real sites ({@code real_*}), read in place.
 */
final class FeedCorpus {

    /** One feed of the corpus and the HTTP headers it is served with. */
    record Feed(String name, Path file, String contentType, String contentLocation, boolean realWorld) {

        /** The URL the feed is said to come from: its Content-Location where the corpus gives one. */
        String url() {
            return contentLocation != null ? contentLocation : "https://feeds.example/" + name;
        }

        byte[] body() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the corpus feed " + file, e);
            }
        }
    }

    private FeedCorpus() {}

    /** Every feed of the corpus in the manifest's order; skips the calling test when the corpus is absent. */
    static List<Feed> feeds() {
        Path corpus = RealFixtures.directory().resolve("corpus");
        Path manifest = corpus.resolve("manifest.json");
        assumeTrue(
                Files.isRegularFile(manifest),
                () -> "feed corpus not found at " + manifest.toAbsolutePath().normalize() + ": skipping");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        List<Feed> feeds = new ArrayList<>();
        for (JsonNode feed : root.path("feeds")) {
            String contentType = null;
            String contentLocation = null;
            for (JsonNode header : feed.path("headers")) {
                String name = header.get(0).asText().toLowerCase(Locale.ROOT);
                if (name.equals("content-type")) {
                    contentType = header.get(1).asText();
                } else if (name.equals("content-location")) {
                    contentLocation = header.get(1).asText();
                }
            }
            feeds.add(new Feed(
                    feed.path("id").asText(),
                    corpus.resolve(feed.path("file").asText()),
                    contentType,
                    contentLocation,
                    !feed.path("origin").asText().equals("feedparser-tests")));
        }
        return feeds;
    }
}
