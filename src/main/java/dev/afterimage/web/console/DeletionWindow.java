package dev.afterimage.web.console;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.detect.Lifetimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a deleted post went: it was still there when last seen, first missed later, and the platform's own answer
 * confirmed the deletion at the end. The post vanished somewhere between the first and the second.
 *
 * @param missedFirst null when the deletion was confirmed at the first miss
 * @param width how long the window between last seen and confirmed is, e.g. "3 min"
 * @param proofUrl the console page of the platform's "not found" answer, or null when none was kept
 */
public record DeletionWindow(Moment lastSeen, Moment missedFirst, Moment confirmed, String width, String proofUrl) {

    static Optional<DeletionWindow> of(Post post, Instant now) {
        if (post.state != PostState.DELETED || post.deletedAt == null) {
            return Optional.empty();
        }
        Instant missed = post.missingSince;
        boolean missedBeforeConfirmed = missed != null && missed.isBefore(post.deletedAt);
        return Optional.of(new DeletionWindow(
                Moment.of(post.lastSeenAt, now),
                missedBeforeConfirmed ? Moment.of(missed, now) : null,
                Moment.of(post.deletedAt, now),
                Lifetimes.human(Duration.between(post.lastSeenAt, post.deletedAt)),
                post.deletionCaptureId == null ? null : "/console/posts/" + post.id + "/deletion-proof"));
    }
}
