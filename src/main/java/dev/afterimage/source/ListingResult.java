package dev.afterimage.source;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What one page of an account's listing answered. */
public sealed interface ListingResult {

    /**
     * A page of posts, newest first.
     *
     * @param url the URL the page was fetched from
     * @param olderPageCursor what to pass to fetch the next older page; empty on the last page
     * @param capture the page as fetched, to be kept as evidence for the versions read from it; null if not kept
     * @param reachesFirstPost whether a last page (no older cursor) ends at the account's first post; false for a
     *     feed, which shows only the latest entries, so posts older than those it shows are not covered by it
     * @param title the name the listing gives itself (a feed's or a web page's title), where the platform has no
     *     account name of its own to show
     * @param digest what the page was read from, where the source can tell the same page again
     *     ({@link PostSource#newestPage})
     */
    record Page(
            String url,
            List<SourcePost> posts,
            Optional<String> olderPageCursor,
            PageCapture capture,
            boolean reachesFirstPost,
            Optional<String> title,
            Optional<PageDigest> digest)
            implements ListingResult {
        public Page {
            posts = List.copyOf(posts);
        }

        public Page(
                String url,
                List<SourcePost> posts,
                Optional<String> olderPageCursor,
                PageCapture capture,
                boolean reachesFirstPost,
                Optional<String> title) {
            this(url, posts, olderPageCursor, capture, reachesFirstPost, title, Optional.empty());
        }

        public Page(
                String url,
                List<SourcePost> posts,
                Optional<String> olderPageCursor,
                PageCapture capture,
                boolean reachesFirstPost) {
            this(url, posts, olderPageCursor, capture, reachesFirstPost, Optional.empty());
        }

        /** A page of a listing that can be walked back to the account's first post. */
        public Page(String url, List<SourcePost> posts, Optional<String> olderPageCursor, PageCapture capture) {
            this(url, posts, olderPageCursor, capture, true);
        }
    }

    /**
     * The platform says definitively that the account's posts cannot be read: it does not exist, is no longer
     * public, or bars us in a way the platform names ({@link AccountBarrier}).
     */
    record AccountGone(String evidence, AccountBarrier barrier) implements ListingResult {
        public AccountGone {
            java.util.Objects.requireNonNull(barrier, "barrier");
        }

        /** The account does not exist or is no longer public. */
        public AccountGone(String evidence) {
            this(evidence, AccountBarrier.GONE);
        }
    }

    /**
     * The newest page, byte for byte the page whose digest the poll knew ({@link PostSource#newestPage}): not read.
     *
     * @param read reads the page after all, for a poll that needs its posts
     */
    record Unchanged(String url, Supplier<ListingResult> read) implements ListingResult {

        /** The newest page with this digest: unchanged when the poll knew the digest, else read at once. */
        public static ListingResult orRead(
                String url, PageDigest digest, Optional<PageDigest> known, Supplier<ListingResult> read) {
            return known.filter(digest::equals).isPresent() ? new Unchanged(url, read) : read.get();
        }
    }

    /** Anything else: a timeout, a 5xx, a 429, a login wall, a page that does not parse. Proves nothing. */
    record Unknown(String reason) implements ListingResult {}
}
