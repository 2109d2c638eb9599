package dev.afterimage.verify;

import java.time.Instant;

/**
 * A timestamp token that checked out: the authority (subject of its certificate) says {@code digest}, the hash of
 * chain entry {@code headSeq}, existed at {@code genTime}.
 */
record Stamp(String file, String digest, long headSeq, Instant genTime, String authority) {}
