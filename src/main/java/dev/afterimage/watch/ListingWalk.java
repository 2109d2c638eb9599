package dev.afterimage.watch;

import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The posts one walk through a listing saw, newest first, with the page each came from.
 *
 * @param pageOf the page each post (by platform id) was read from
 */
record ListingWalk(ListingOutcome outcome, List<SourcePost> posts, Map<String, Sighting> pageOf, int pagesFetched) {

    /** A page of the listing, when it was fetched, and the page itself as evidence (null when not kept). */
    record Sighting(String pageUrl, Instant fetchedAt, PageCapture capture) {}
}
