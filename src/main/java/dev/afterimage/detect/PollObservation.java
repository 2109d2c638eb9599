package dev.afterimage.detect;

import dev.afterimage.archive.ObservedPost;
import dev.afterimage.source.PermalinkCheck;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll of one account saw on the network, gathered before any database write so the writes
 * can be one short transaction.
 *
 * @param checks the permalink answers for suspects and due re-checks, by platform post id
 */
public record PollObservation(long accountId, ListingOutcome listing, List<ObservedPost> seen, Map<String, PermalinkCheck> checks) {

    public PollObservation {
        seen = List.copyOf(seen);
        checks = Map.copyOf(checks);
    }
}
