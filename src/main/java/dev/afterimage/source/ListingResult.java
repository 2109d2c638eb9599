package dev.afterimage.source;

import java.util.List;
import java.util.Optional;

/** What one page of an account's listing answered. */
public sealed interface ListingResult {

    /**
     * A page of posts, newest first.
     *
     * @param url the URL the page was fetched from
     * @param olderPageCursor what to pass to fetch the next older page; empty on the last page
     * @param capture the page as fetched, to be kept as evidence for the versions read from it; null if not kept
     */
    record Page(String url, List<SourcePost> posts, Optional<String> olderPageCursor, PageCapture capture)
            implements ListingResult {
        public Page {
            posts = List.copyOf(posts);
        }
    }

    /** The platform says definitively that the account does not exist or is no longer public. */
    record AccountGone(String evidence) implements ListingResult {}

    /** Anything else: a timeout, a 5xx, a 429, a login wall, a page that does not parse. Proves nothing. */
    record Unknown(String reason) implements ListingResult {}
}
