package dev.afterimage.evidence.stamp;

import dev.afterimage.archive.ChainHead;
import java.util.List;

/**
 * Whether the evidence chain's newest entries have a trusted date yet.
 *
 * @param state {@code off} when no authority is configured; {@code stamped} when some authority dated the head;
 *     {@code pending} when the head is newer than every stamp (a TSA is down, or the next stamp is not due yet)
 * @param stampedSeq the newest entry any authority dated, 0 when none
 */
public record StampStatus(String state, long headSeq, String headHash, long stampedSeq, List<TsaStatus> tsas) {

    static StampStatus of(ChainHead head, List<TsaStatus> tsas) {
        long stamped = tsas.stream().mapToLong(TsaStatus::stampedSeq).max().orElse(0);
        String state;
        if (tsas.isEmpty()) {
            state = "off";
        } else if (stamped >= head.seq()) {
            state = "stamped";
        } else {
            state = "pending";
        }
        return new StampStatus(state, head.seq(), head.hash(), stamped, tsas);
    }

    /** The state of an account (or post) whose newest chain entry is {@code newestSeq}. */
    public String stateOf(long newestSeq) {
        if (tsas.isEmpty()) {
            return "off";
        }
        return stampedSeq >= newestSeq ? "stamped" : "pending";
    }
}
