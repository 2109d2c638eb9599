package dev.afterimage.archive;

import java.time.Instant;

/**
 * What re-checking the evidence chain found.
 *
 * @param firstBroken the first entry that does not hold, or null when every entry and stored byte checks out
 * @param headSeq the number of the newest entry
 * @param headHash the newest entry's hash: published somewhere outside, it proves later that the archive up to it was
 *     not rewritten
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        BrokenEntry firstBroken,
        long headSeq,
        String headHash,
        Instant checkedAt) {

    /** The entry at fault and what is wrong with it. */
    public record BrokenEntry(long seq, EvidenceEntry.Kind kind, String recordRef, String problem) {}
}
