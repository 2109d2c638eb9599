package dev.afterimage.web.console;

import dev.afterimage.watch.SkippedPost;
import java.time.Instant;

/** A post the account's polls saw and could not archive, as its page lists it. */
public record SkippedRow(String platformPostId, String reason, Moment lastSkipped, long times) {

    static SkippedRow of(SkippedPost skipped, Instant now) {
        return new SkippedRow(
                skipped.platformPostId, skipped.reason, Moment.of(skipped.lastSkippedAt, now), skipped.times);
    }
}
