package dev.afterimage.match;

import dev.afterimage.pdq.Dihedral;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A picture seen before: in another archived post, or in a reference set. */
public sealed interface ImageMatch {

    /** Bits of 256 that differ, through the closest of the eight turns and mirrors. */
    int distance();

    /** How the new picture is the earlier one turned or mirrored ({@link Dihedral#ORIGINAL} when as is). */
    Dihedral transform();

    /** The JSON shape of events and search answers, with a {@code kind} naming the case. */
    Map<String, Object> toJson();

    /** One sentence for a chat message: "this image matches the frame at 14 s of trailer.mp4 …, mirrored, distance 12". */
    String sentence();

    private static String how(Dihedral transform, int distance) {
        return (transform == Dihedral.ORIGINAL ? "" : ", " + transform.description()) + ", distance " + distance;
    }

    /** The picture was archived from another post. */
    record InArchive(
            long postId,
            String postUrl,
            String postState,
            long accountId,
            String account,
            Instant firstSeenAt,
            String mediaSha256,
            int distance,
            Dihedral transform)
            implements ImageMatch {

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", "archive");
            json.put("postId", postId);
            json.put("postUrl", postUrl);
            json.put("postState", postState);
            json.put("accountId", accountId);
            json.put("account", account);
            json.put("firstSeenAt", firstSeenAt.toString());
            json.put("mediaSha256", mediaSha256);
            json.put("distance", distance);
            json.put("transform", transform.name());
            return json;
        }

        @Override
        public String sentence() {
            return "this image was posted before by " + account + " (first seen " + firstSeenAt + ": " + postUrl + ")"
                    + how(transform, distance);
        }
    }

    /** The picture is (a frame of) a reference image. */
    record InReferenceSet(
            long referenceSetId,
            long referenceImageId,
            String referenceSet,
            String referenceName,
            String imageSha256,
            int distance,
            Dihedral transform)
            implements ImageMatch {

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", "reference");
            json.put("referenceSetId", referenceSetId);
            json.put("referenceImageId", referenceImageId);
            json.put("referenceSet", referenceSet);
            json.put("referenceName", referenceName);
            json.put("imageSha256", imageSha256);
            json.put("distance", distance);
            json.put("transform", transform.name());
            return json;
        }

        @Override
        public String sentence() {
            int frame = referenceName.lastIndexOf("#t=");
            String what = frame < 0
                    ? referenceName
                    : "the frame at " + referenceName.substring(frame + 3) + " s of "
                            + referenceName.substring(0, frame);
            return "this image matches " + what + " of the reference set \"" + referenceSet + "\""
                    + how(transform, distance);
        }
    }
}
