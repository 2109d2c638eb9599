package dev.afterimage.evidence.stamp;

import java.time.Instant;
import java.util.Optional;

/**
 * How far one time-stamping authority dated the evidence chain.
 *
 * @param state {@code stamped} when its newest stamp covers the chain's head, {@code pending} otherwise
 * @param stampedSeq the newest entry it dated, 0 when none
 * @param stampedAt its newest stamp's genTime, or null
 * @param lastFailure why the last attempt failed, when it failed since its last stamp
 */
public record TsaStatus(String tsa, String state, long stampedSeq, Instant stampedAt, Failure lastFailure) {

    /** A failed attempt: what went wrong, and when. */
    public record Failure(String reason, Instant at) {}

    static TsaStatus of(String url, Optional<TimeStamp> newest, long headSeq, Optional<Failure> failure) {
        long seq = newest.map(stamp -> stamp.headSeq).orElse(0L);
        return new TsaStatus(
                url,
                seq >= headSeq ? "stamped" : "pending",
                seq,
                newest.map(stamp -> stamp.genTime).orElse(null),
                failure.orElse(null));
    }
}
