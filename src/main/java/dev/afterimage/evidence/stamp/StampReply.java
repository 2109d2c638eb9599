package dev.afterimage.evidence.stamp;

import java.time.Instant;

/** What asking one time-stamping authority to date a hash came to. */
sealed interface StampReply {

    /**
     * A reply that holds: granted, for our hash and nonce, signed by a certificate meant for time stamping.
     *
     * @param response the DER TimeStampResp as received
     */
    record Stamped(byte[] response, Instant genTime, String tsaSubject) implements StampReply {}

    /** No usable stamp: the authority was unreachable, refused, or answered something that does not hold. */
    record Failed(String reason) implements StampReply {}
}
