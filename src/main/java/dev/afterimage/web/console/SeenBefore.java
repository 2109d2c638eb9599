package dev.afterimage.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.alert.EventType;
import dev.afterimage.pdq.Dihedral;
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

    static List<SeenBefore> of(long postId, ObjectMapper json) {
        List<SeenBefore> rows = new ArrayList<>();
        for (EventRecord event : EventRecord.ofPost(postId)) {
            if (event.type != EventType.MEDIA_REUSED) {
                continue;
            }
            JsonNode matches;
            try {
                matches = json.readTree(event.details).path("matches");
            } catch (java.io.IOException e) {
                continue;
            }
            for (JsonNode match : matches) {
                rows.add(row(match));
            }
        }
        return rows;
    }

    private static SeenBefore row(JsonNode match) {
        String image = "/media/" + match.path("newMediaSha256").asText();
        String how =
                Dihedral.valueOf(match.path("transform").asText("ORIGINAL")).description();
        int distance = match.path("distance").asInt();
        if ("reference".equals(match.path("kind").asText())) {
            String set = "/api/reference-sets/" + match.path("referenceSetId").asLong();
            return new SeenBefore(
                    image,
                    set + "/images/" + match.path("referenceImageId").asLong() + "/file",
                    set,
                    match.path("referenceName").asText() + " in reference set “"
                            + match.path("referenceSet").asText() + "”",
                    how,
                    distance);
        }
        return new SeenBefore(
                image,
                "/media/" + match.path("mediaSha256").asText(),
                "/console/posts/" + match.path("postId").asLong(),
                match.path("account").asText() + ", first seen "
                        + match.path("firstSeenAt").asText() + " ("
                        + match.path("postUrl").asText() + ")",
                how,
                distance);
    }
}
