package dev.afterimage.evidence.stamp;

import java.time.Instant;
import java.util.List;

/**
 * Whether a trusted date reaches a given chain entry (a post's newest entry, say): which authorities dated it, and
 * when, or why it is still waiting.
 *
 * @param state {@code stamped} when some authority dated a head at or after the entry; {@code pending} when none did
 *     yet; {@code off} when no authority is configured; {@code empty} when there is no entry to date
 * @param dates the first stamp of each authority that covers the entry, earliest first
 * @param failures while pending, each authority that failed since its last stamp, with its latest failure
 */
public record StampCoverage(String state, long entrySeq, List<Dated> dates, List<Failed> failures) {

    /** One authority's statement that the entry existed at {@code genTime}. */
    public record Dated(String tsa, Instant genTime, long headSeq) {}

    /** Why an authority has not dated the entry yet: its last attempt failed, at {@code at}. */
    public record Failed(String tsa, String reason, Instant at) {}
}
