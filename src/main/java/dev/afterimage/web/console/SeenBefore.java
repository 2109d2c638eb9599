package dev.afterimage.web.console;

import dev.afterimage.alert.EventDetails;
import dev.afterimage.alert.EventDetailsJson;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.alert.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a post's "Seen before" panel, from its {@code MEDIA_REUSED} event: this post's picture beside the
 * earlier one it matches.
 *
 * @param earlierLink the earlier post's console page, or the reference set's JSON
 */
public record SeenBefore(
        String imageUrl, String earlierImageUrl, String earlierLink, String what, String how, int distance) {

    static List<SeenBefore> of(long postId, EventDetailsJson eventDetails) {
        List<SeenBefore> rows = new ArrayList<>();
        for (EventRecord event : EventRecord.ofPost(postId)) {
            if (event.type == EventType.MEDIA_REUSED
                    && eventDetails.read(event) instanceof EventDetails.MediaReused reused) {
                reused.matches().forEach(match -> rows.add(row(match)));
            }
        }
        return rows;
    }

    private static SeenBefore row(EventDetails.ReuseMatch match) {
        String image = "/media/" + match.newMediaSha256();
        String how = match.transform().description();
        return switch (match) {
            case EventDetails.ReferenceImage reference -> {
                String set = "/api/reference-sets/" + reference.referenceSetId();
                yield new SeenBefore(
                        image,
                        set + "/images/" + reference.referenceImageId() + "/file",
                        set,
                        reference.referenceName() + " in reference set “" + reference.referenceSet() + "”",
                        how,
                        match.distance());
            }
            case EventDetails.EarlierPost earlier ->
                new SeenBefore(
                        image,
                        "/media/" + earlier.mediaSha256(),
                        "/console/posts/" + earlier.postId(),
                        earlier.account() + ", first seen " + earlier.firstSeenAt() + " (" + earlier.postUrl() + ")",
                        how,
                        match.distance());
        };
    }
}
