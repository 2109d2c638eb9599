package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import dev.afterimage.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingWalkerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final AccountRef ACCOUNT = new AccountRef(Platform.TELEGRAM, "mod_russia");

    @Test
    void walksBackUntilTheWindowIsCovered() {
        ScriptedSource source = new ScriptedSource(Map.of(
                "", page(List.of(post(30, 1), post(29, 2)), "29"),
                "29", page(List.of(post(28, 3), post(27, 9)), "27"),
                "27", page(List.of(post(26, 10)), "26")));
        ListingWalk walk =
                new ListingWalker(20, new MutableClock(NOW)).walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)));
        assertEquals(2, walk.pagesFetched());
        assertEquals(List.of("30", "29", "28", "27"), ids(walk));
        ListingOutcome.Listed listed = assertInstanceOf(ListingOutcome.Listed.class, walk.outcome());
        assertEquals(NOW.minus(Duration.ofDays(9)), listed.coveredFrom());
        assertEquals(true, listed.complete());
        assertEquals(
                new ListingWalk.Sighting("https://t.me/s/mod_russia", NOW, null),
                walk.pageOf().get("27"));
    }

    @Test
    void aNewestPageFoundUnchangedIsReadWhenWalked() {
        ScriptedSource source = new ScriptedSource(Map.of("29", page(List.of(post(28, 3), post(27, 9)), "27")));
        PageDigest digest = PageDigest.of(new byte[] {1});
        ListingResult newest = new ListingResult.Unchanged(
                "https://t.me/s/mod_russia",
                () -> new ListingResult.Page(
                        "https://t.me/s/mod_russia",
                        List.of(post(30, 1), post(29, 2)),
                        Optional.of("29"),
                        null,
                        true,
                        Optional.empty(),
                        Optional.of(digest)));
        Instant fetchedAt = NOW.minusSeconds(5);

        ListingWalk walk = new ListingWalker(20, new MutableClock(NOW))
                .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)), fetchedAt, newest);

        assertEquals(2, walk.pagesFetched());
        assertEquals(List.of("30", "29", "28", "27"), ids(walk));
        assertEquals(List.of("29"), source.asked(), "the newest page is not fetched again");
        assertEquals(Optional.of(digest), walk.newestDigest());
        assertEquals(fetchedAt, walk.pageOf().get("30").fetchedAt());
        assertEquals(NOW, walk.pageOf().get("28").fetchedAt());
    }

    @Test
    void lastPageCoversTheWholeAccount() {
        ScriptedSource source = new ScriptedSource(Map.of("", page(List.of(post(2, 1), post(1, 2)), null)));
        ListingOutcome.Listed listed = assertInstanceOf(
                ListingOutcome.Listed.class,
                new ListingWalker(20, new MutableClock(NOW))
                        .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)))
                        .outcome());
        assertEquals(Instant.EPOCH, listed.coveredFrom());
    }

    @Test
    void aPageWithoutOwnPostsThatLeadsFurtherBackIsWalkedPast() {
        ScriptedSource source = new ScriptedSource(
                Map.of("", page(List.of(), "reposts"), "reposts", page(List.of(post(5, 1), post(4, 9)), "4")));
        ListingWalk walk =
                new ListingWalker(20, new MutableClock(NOW)).walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)));
        assertEquals(List.of("5", "4"), ids(walk));
        assertEquals(
                true,
                assertInstanceOf(ListingOutcome.Listed.class, walk.outcome()).complete());
    }

    @Test
    void aFeedCoversOnlyFromItsOldestEntry() {
        ScriptedSource source = new ScriptedSource(Map.of(
                "",
                new ListingResult.Page(
                        "https://ministry.example/feed",
                        List.of(post(2, 1), post(1, 3)),
                        Optional.empty(),
                        null,
                        false)));
        ListingOutcome.Listed listed = assertInstanceOf(
                ListingOutcome.Listed.class,
                new ListingWalker(20, new MutableClock(NOW))
                        .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)))
                        .outcome());
        assertEquals(NOW.minus(Duration.ofDays(3)), listed.coveredFrom());
    }

    @Test
    void failedFirstPageIsUnknown() {
        ScriptedSource source = new ScriptedSource(Map.of("", new ListingResult.Unknown("HTTP 502")));
        assertInstanceOf(
                ListingOutcome.Unknown.class,
                new ListingWalker(20, new MutableClock(NOW))
                        .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)))
                        .outcome());
    }

    @Test
    void failedLaterPageCoversOnlyWhatWasRead() {
        ScriptedSource source = new ScriptedSource(
                Map.of("", page(List.of(post(30, 1), post(29, 2)), "29"), "29", new ListingResult.Unknown("timeout")));
        ListingOutcome.Listed listed = assertInstanceOf(
                ListingOutcome.Listed.class,
                new ListingWalker(20, new MutableClock(NOW))
                        .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)))
                        .outcome());
        assertEquals(NOW.minus(Duration.ofDays(2)), listed.coveredFrom());
        assertNotNull(listed.incompleteReason());
    }

    @Test
    void pageLimitStopsTheWalkAndSaysSo() {
        java.util.HashMap<String, ListingResult> pages = new java.util.HashMap<>();
        for (long id = 100; id > 0; id--) {
            pages.put(id == 100 ? "" : String.valueOf(id + 1), page(List.of(post(id, 0)), String.valueOf(id)));
        }
        ListingWalk walk = new ListingWalker(5, new MutableClock(NOW))
                .walk(new ScriptedSource(pages), ACCOUNT, NOW.minus(Duration.ofDays(7)));
        assertEquals(5, walk.pagesFetched());
        assertNotNull(((ListingOutcome.Listed) walk.outcome()).incompleteReason());
    }

    @Test
    void accountGoneOnFirstPageIsAccountLevel() {
        ScriptedSource source = new ScriptedSource(Map.of("", new ListingResult.AccountGone("no such channel")));
        assertInstanceOf(
                ListingOutcome.AccountGone.class,
                new ListingWalker(20, new MutableClock(NOW))
                        .walk(source, ACCOUNT, NOW.minus(Duration.ofDays(7)))
                        .outcome());
    }

    private static List<String> ids(ListingWalk walk) {
        return walk.posts().stream().map(SourcePost::platformPostId).toList();
    }

    private static ListingResult page(List<SourcePost> posts, String cursor) {
        return new ListingResult.Page("https://t.me/s/mod_russia", posts, Optional.ofNullable(cursor), null);
    }

    private static SourcePost post(long id, int daysOld) {
        return SourcePost.builder(String.valueOf(id), "https://t.me/mod_russia/" + id, new byte[0])
                .publishedAt(NOW.minus(Duration.ofDays(daysOld)))
                .text("text " + id, "text " + id)
                .build();
    }

    /** A source that answers listing pages from a script keyed by cursor ("" for the newest page). */
    private record ScriptedSource(Map<String, ListingResult> pages, List<String> asked) implements PostSource {

        ScriptedSource(Map<String, ListingResult> pages) {
            this(pages, new ArrayList<>());
        }

        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public ListingResult listing(AccountRef account, Optional<String> cursor) {
            asked.add(cursor.orElse(""));
            return pages.getOrDefault(cursor.orElse(""), new ListingResult.Unknown("no such page in the script"));
        }

        @Override
        public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
            return PostChecks.allUnknown(posts, "not scripted");
        }
    }
}
