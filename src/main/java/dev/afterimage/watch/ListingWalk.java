package dev.afterimage.watch;

import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The posts one walk through a listing saw, newest first, with the page each came from.
 *
 * @param pageOf the page each post (by platform id) was read from
 * @param title the name the listing's first page gives itself, if any
 * @param newestDigest what the first page was read from, where its source can tell the same page again ({@link
 *     dev.afterimage.source.PostSource#newestPage})
 */
record ListingWalk(
        ListingOutcome outcome,
        List<SourcePost> posts,
        Map<String, Sighting> pageOf,
        int pagesFetched,
        Optional<String> title,
        Optional<PageDigest> newestDigest) {

    /** A page of the listing, when it was fetched, and the page itself as evidence (null when not kept). */
    record Sighting(String pageUrl, Instant fetchedAt, PageCapture capture) {}
}
