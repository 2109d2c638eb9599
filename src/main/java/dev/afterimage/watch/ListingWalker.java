package dev.afterimage.watch;

import dev.afterimage.detect.Availability;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.source.AccountBarrier;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an account's listing back from the newest page until it has covered the watch window, so a post that
 * merely scrolled to page 2 is still seen and is never mistaken for a deleted one.
 */
final class ListingWalker {

    private final int maxPages;
    private final Clock clock;

    ListingWalker(int maxPages, Clock clock) {
        this.maxPages = maxPages;
        this.clock = clock;
    }

    ListingWalk walk(PostSource source, AccountRef account, Instant windowStart) {
        Instant fetchedAt = clock.instant();
        return walk(source, account, windowStart, fetchedAt, source.listing(account, Optional.empty()));
    }

    /** The walk from the newest page, already fetched at {@code newestFetchedAt}, on through the older ones. */
    ListingWalk walk(
            PostSource source, AccountRef account, Instant windowStart, Instant newestFetchedAt, ListingResult newest) {
        Map<String, SourcePost> posts = new LinkedHashMap<>();
        Map<String, ListingWalk.Sighting> pageOf = new HashMap<>();
        Optional<String> cursor = Optional.empty();
        Optional<String> title = Optional.empty();
        Optional<PageDigest> digest = Optional.empty();
        Instant fetchedAt = newestFetchedAt;
        ListingResult result = newest;
        int pages = 1;
        while (true) {
            switch (result) {
                case ListingResult.Unchanged unchanged -> {
                    // Walked only when the poll needs the posts after all: read now.
                    result = unchanged.read().get();
                    continue;
                }
                case ListingResult.Unknown unknown -> {
                    return finish(
                            pages == 1
                                    ? new ListingOutcome.Unknown(unknown.reason())
                                    : listed(posts, "page " + pages + " failed: " + unknown.reason()),
                            posts,
                            pageOf,
                            pages,
                            title,
                            digest);
                }
                case ListingResult.AccountGone gone -> {
                    return finish(
                            pages == 1
                                    ? new ListingOutcome.AccountGone(gone.evidence(), availability(gone.barrier()))
                                    : listed(posts, "page " + pages + " said the account is gone: " + gone.evidence()),
                            posts,
                            pageOf,
                            pages,
                            title,
                            digest);
                }
                case ListingResult.Page page -> {
                    if (pages == 1) {
                        title = page.title();
                        digest = page.digest();
                    }
                    for (SourcePost post : page.posts()) {
                        posts.putIfAbsent(post.platformPostId(), post);
                        pageOf.putIfAbsent(
                                post.platformPostId(), new ListingWalk.Sighting(page.url(), fetchedAt, page.capture()));
                    }
                    Optional<Instant> oldestOnPage = page.posts().stream()
                            .map(SourcePost::publishedAt)
                            .filter(java.util.Objects::nonNull)
                            .min(Instant::compareTo);
                    if (page.olderPageCursor().isEmpty()) {
                        ListingOutcome end = page.reachesFirstPost()
                                ? new ListingOutcome.Listed(Instant.EPOCH, null)
                                : listed(posts, null);
                        return finish(end, posts, pageOf, pages, title, digest);
                    }
                    // A page may hold no post of the account's own (a run of reposts) and still lead further back.
                    if (page.olderPageCursor().equals(cursor)) {
                        return finish(
                                listed(posts, "page " + pages + " did not lead further back"),
                                posts,
                                pageOf,
                                pages,
                                title,
                                digest);
                    }
                    if (oldestOnPage.isPresent() && oldestOnPage.get().isBefore(windowStart)) {
                        return finish(listed(posts, null), posts, pageOf, pages, title, digest);
                    }
                    if (pages >= maxPages) {
                        return finish(
                                listed(
                                        posts,
                                        "stopped at the limit of " + maxPages
                                                + " pages before covering the watch window"),
                                posts,
                                pageOf,
                                pages,
                                title,
                                digest);
                    }
                    cursor = page.olderPageCursor();
                }
            }
            fetchedAt = clock.instant();
            result = source.listing(account, cursor);
            pages++;
        }
    }

    /** Covered back to the oldest post seen; with nothing seen, nothing is covered. */
    private static ListingOutcome listed(Map<String, SourcePost> posts, String incompleteReason) {
        Instant oldest = posts.values().stream()
                .map(SourcePost::publishedAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(Instant.MAX);
        return new ListingOutcome.Listed(oldest, incompleteReason);
    }

    private static ListingWalk finish(
            ListingOutcome outcome,
            Map<String, SourcePost> posts,
            Map<String, ListingWalk.Sighting> pageOf,
            int pages,
            Optional<String> title,
            Optional<PageDigest> newestDigest) {
        return new ListingWalk(outcome, new ArrayList<>(posts.values()), pageOf, pages, title, newestDigest);
    }

    private static Availability availability(AccountBarrier barrier) {
        return switch (barrier) {
            case GONE -> Availability.UNAVAILABLE;
            case NO_PUBLIC_PREVIEW -> Availability.NO_PREVIEW;
            case NEEDS_PAGE_PUBLIC_CONTENT_ACCESS -> Availability.NEEDS_ACCESS;
            case CLOSED -> Availability.CLOSED;
        };
    }
}
