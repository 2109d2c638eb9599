package dev.afterimage.match;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.afterimage.pdq.Dihedral;
import java.time.Instant;

/** A picture seen before: in another archived post, or in a reference set. Its JSON names the case in {@code kind}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ImageMatch.InArchive.class, name = "archive"),
    @JsonSubTypes.Type(value = ImageMatch.InReferenceSet.class, name = "reference")
})
public sealed interface ImageMatch {

    /** Bits of 256 that differ, through the closest of the eight turns and mirrors. */
    int distance();

    /** How the new picture is the earlier one turned or mirrored ({@link Dihedral#ORIGINAL} when as is). */
    Dihedral transform();

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
