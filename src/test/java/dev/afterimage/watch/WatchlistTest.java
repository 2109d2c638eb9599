package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WatchlistTest {

    @Inject
    Watchlist watchlist;

    @Test
    void whatIsAppliedIsCountedAndWhatIsSkippedSaysWhy() {
        Watchlist.Applied applied = watchlist.apply(List.of(
                entry("https://t.me/watchlist_counted", null, null),
                entry(null, "telegram", "watchlist_counted_too"),
                entry(null, "myspace", "nobody")));

        assertEquals(2, applied.accounts());
        assertEquals(1, applied.skipped().size());
        assertTrue(
                applied.skipped().getFirst().startsWith("myspace nobody: "),
                applied.skipped().getFirst());
    }

    private static Watchlist.WatchlistEntry entry(String url, String platform, String handle) {
        return new Watchlist.WatchlistEntry(url, platform, handle, null, null, null, null, Map.of());
    }
}
