package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every feed of the held-out corpus, real-world and feedparser's own test cases, is read as a feed. */
class FeedCorpusTest {

    @Test
    void everyCorpusFeedParsesIntoEntries() {
        List<FeedCorpus.Feed> feeds = FeedCorpus.feeds();
        List<String> failures = new ArrayList<>();
        int entries = 0;
        int undated = 0;
        for (FeedCorpus.Feed feed : feeds) {
            try {
                switch (FeedParser.parse(feed.body(), feed.contentType(), feed.url())) {
                    case ParsedFeed.Entries read
                    when read.entries().isEmpty() -> failures.add(feed.name() + ": no entries");
                    case ParsedFeed.Entries read -> {
                        entries += read.entries().size();
                        undated += (int) read.entries().stream()
                                .filter(post -> feed.realWorld() && post.publishedAt() == null)
                                .count();
                    }
                    case ParsedFeed.NotAFeed notAFeed -> failures.add(feed.name() + ": " + notAFeed.why());
                }
            } catch (RuntimeException e) {
                failures.add(feed.name() + ": " + e);
            }
        }
        System.out.printf(
                "feed corpus: %d files, %d entries (%d real-world ones undated), %d unread%n",
                feeds.size(), entries, undated, failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
