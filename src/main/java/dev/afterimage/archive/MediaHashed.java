package dev.afterimage.archive;

/**
 * A CDI event: an archived image got its PDQ hash, at download or from the start-up backfill, after the row was
 * committed or within the transaction that writes it. Indexes of images observe it.
 */
public record MediaHashed(String sha256, PdqFacts pdq) {}
