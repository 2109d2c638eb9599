package dev.afterimage.detect;

import java.util.List;
import java.util.Map;

/**
 * What a poll asks the platform about once its listing was read.
 *
 * @param listing the listing as judged: a listing that showed nothing where live posts are archived is unknown
 * @param suspects live posts the listing should have shown but did not, or the platform pushed a deletion for
 * @param rechecks older live posts whose decaying re-check is due
 * @param archived what the archive held of the listed posts it holds, by platform post id
 */
public record PollPlan(
        ListingOutcome listing, List<Suspect> suspects, List<Suspect> rechecks, Map<String, ArchivedCopy> archived) {

    public PollPlan {
        suspects = List.copyOf(suspects);
        rechecks = List.copyOf(rechecks);
        archived = Map.copyOf(archived);
    }

    /** The listing was read and nothing is to be asked about: no suspect, no re-check. */
    public boolean asksNothing() {
        return listing instanceof ListingOutcome.Listed && suspects.isEmpty() && rechecks.isEmpty();
    }
}
