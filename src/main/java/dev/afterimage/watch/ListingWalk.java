package dev.afterimage.watch;

import dev.afterimage.detect.ListingOutcome;
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

    /** A page of the listing and when it was fetched. */
    record Sighting(String pageUrl, Instant fetchedAt) {}
}
