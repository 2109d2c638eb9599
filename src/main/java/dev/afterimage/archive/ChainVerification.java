package dev.afterimage.archive;

import java.time.Instant;

/**
 * What re-checking the evidence chain found.
 *
 * @param firstBroken the first entry that does not hold, or null when every entry and stored byte checks out
 */
public record ChainVerification(boolean intact, long entriesChecked, BrokenEntry firstBroken, Instant checkedAt) {

    /** The entry at fault and what is wrong with it. */
    public record BrokenEntry(long seq, EvidenceEntry.Kind kind, String recordRef, String problem) {}
}
