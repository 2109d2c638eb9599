package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.text.HtmlText;
import dev.afterimage.source.text.PostIds;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import dev.afterimage.testkit.Python;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Our reading of the real-world feeds of the corpus against Debian's feedparser, field by field (id, link, title,
 * text, date), after that library's own known quirks: it resolves relative ids against the feed URL, and folds
 * {@code itunes:summary} or {@code media:description} into an entry's summary where the entry has none.
 */
class FeedparserAgreementTest {

    /** The share of real-world entries that must agree on every field. */
    private static final double TARGET = 0.95;

    private static final String SCRIPT = "/source/feed/feedparser_entries.py";

    @Test
    void realWorldEntriesAgreeWithFeedparserOnEveryField() throws Exception {
        Optional<String> interpreter = Python.importing("feedparser");
        assumeTrue(
                interpreter.isPresent(), "python3 with feedparser (Debian's python3-feedparser) is absent: skipping");
        String python = interpreter.get();
        List<FeedCorpus.Feed> feeds =
                FeedCorpus.feeds().stream().filter(FeedCorpus.Feed::realWorld).toList();
        JsonNode answers = feedparser(python, feeds);

        int entries = 0;
        int exact = 0;
        Map<String, Integer> misses = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            FeedCorpus.Feed feed = feeds.get(i);
            JsonNode theirs = answers.get(i);
            List<SourcePost> ours =
                    FeedParser.parse(feed.body(), feed.contentType(), feed.url()) instanceof ParsedFeed.Entries read
                            ? read.entries()
                            : List.of();
            boolean atom = theirs.path("version").asText().startsWith("atom");
            for (int j = 0; j < theirs.path("entries").size(); j++) {
                JsonNode entry = theirs.path("entries").get(j);
                entries++;
                SourcePost post = j < ours.size() ? ours.get(j) : null;
                List<String> wrong = post == null ? List.of("missing") : differences(entry, post, atom, feed.url());
                if (wrong.isEmpty()) {
                    exact++;
                }
                for (String field : wrong) {
                    int missed = misses.merge(field, 1, Integer::sum);
                    if (missed <= 10) {
                        examples.add(feed.name() + " #" + j + " " + field + ": feedparser " + describe(entry, field)
                                + " / ours " + describe(post, field));
                    }
                }
            }
        }
        double share = (double) exact / entries;
        System.out.printf(
                "feedparser agreement: %d of %d real-world entries field-exact (%.1f%%); misses by field %s%n",
                exact, entries, share * 100, misses);
        examples.forEach(example -> System.out.println("  " + example));
        assertTrue(entries > 2000, "too few real-world entries read: " + entries);
        assertTrue(share >= TARGET, String.format("only %.1f%% of entries agree with feedparser", share * 100));
    }

    private static List<String> differences(JsonNode entry, SourcePost post, boolean atom, String feedUrl) {
        List<String> wrong = new ArrayList<>();
        String link = text(entry, "link");
        String id = text(entry, "id");
        String expectedId = id != null && !id.isBlank() ? id : link;
        if (expectedId != null && !sameId(expectedId, post.platformPostId(), feedUrl)) {
            wrong.add("id");
        }
        if (link != null && !link.equals(post.url()) && !canonical(link).equals(post.url())) {
            wrong.add("link");
        }
        String title = title(entry);
        String text = normalised(post.text());
        if (!title.isEmpty() && !text.startsWith(title)) {
            wrong.add("title");
        }
        String base = link != null ? link : feedUrl;
        List<String> bodies = new ArrayList<>();
        String summary = text(entry, "summary");
        List<String> contents = new ArrayList<>();
        entry.path("content").forEach(part -> contents.add(part.asText()));
        if (atom && !contents.isEmpty()) {
            bodies.add(contents.getFirst());
        } else {
            bodies.add(summary);
            bodies.addAll(contents);
        }
        // feedparser's folded summary (itunes:summary, media:description) may be what our text lacks.
        List<String> unfolded = new ArrayList<>(contents);
        if (!text.equals(joined(title, bodies, base)) && !text.equals(joined(title, unfolded, base))) {
            wrong.add("text");
        }
        JsonNode date = entry.path("date");
        Long ours = post.publishedAt() == null ? null : post.publishedAt().getEpochSecond();
        Long theirs = date.isNumber() ? date.asLong() : null;
        if (!Objects.equals(ours, theirs)) {
            wrong.add("date");
        }
        return wrong;
    }

    private static boolean sameId(String theirs, String ours, String feedUrl) {
        String expected = PostIds.fitting(theirs);
        return expected.equals(ours)
                || expected.equals(
                        PostIds.fitting(WebUrls.resolve(feedUrl, ours).orElse(ours)));
    }

    private static String canonical(String link) {
        return PostUrls.canonicalise(link).map(CanonicalPostUrl::url).orElse(link);
    }

    private static String title(JsonNode entry) {
        String title = text(entry, "title");
        if (title == null) {
            return "";
        }
        boolean html = entry.path("title_type").asText().contains("html");
        return normalised(html ? Jsoup.parse(title).text() : title);
    }

    private static String joined(String title, List<String> bodies, String base) {
        LinkedHashSet<String> parts = new LinkedHashSet<>();
        if (!title.isEmpty()) {
            parts.add(title);
        }
        for (String body : bodies) {
            String plain =
                    body == null ? "" : normalised(HtmlText.ofHtml(body, base).plain());
            if (!plain.isEmpty()) {
                parts.add(plain);
            }
        }
        return String.join(" ", parts);
    }

    private static String normalised(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String describe(JsonNode entry, String field) {
        return switch (field) {
            case "id" ->
                entry.path("id").asText() + " (link " + entry.path("link").asText() + ")";
            case "title" -> entry.path("title").asText();
            case "text" -> abbreviated(entry.path("summary").asText() + " | " + entry.path("content"));
            default -> entry.path(field).asText();
        };
    }

    private static String describe(SourcePost post, String field) {
        if (post == null) {
            return "nothing";
        }
        return switch (field) {
            case "id" -> post.platformPostId();
            case "link" -> post.url();
            case "date" ->
                String.valueOf(
                        post.publishedAt() == null ? null : post.publishedAt().getEpochSecond());
            default -> abbreviated(post.text());
        };
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    /** feedparser's reading of the feeds, one answer per feed in the same order. */
    private static JsonNode feedparser(String python, List<FeedCorpus.Feed> feeds)
            throws IOException, InterruptedException, URISyntaxException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode requests = json.createArrayNode();
        for (FeedCorpus.Feed feed : feeds) {
            ObjectNode request = requests.addObject();
            request.put("file", feed.file().toAbsolutePath().toString());
            request.put("url", feed.url());
            ObjectNode headers = request.putObject("headers");
            Optional.ofNullable(feed.contentType()).ifPresent(type -> headers.put("content-type", type));
        }
        Path script = Path.of(Objects.requireNonNull(FeedparserAgreementTest.class.getResource(SCRIPT))
                .toURI());
        Path input = Files.createTempFile("feedparser-requests", ".json");
        Path output = Files.createTempFile("feedparser-answers", ".json");
        try {
            Files.writeString(input, json.writeValueAsString(requests), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(python, script.toString())
                    .redirectInput(input.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            // Reading a hundred feeds takes feedparser a few seconds; a hung interpreter must not hang the build.
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "feedparser did not finish in 120 s");
            assertEquals(0, process.exitValue(), "the feedparser script failed");
            JsonNode answers = json.readTree(output.toFile());
            assertEquals(feeds.size(), answers.size());
            return answers;
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }
}
