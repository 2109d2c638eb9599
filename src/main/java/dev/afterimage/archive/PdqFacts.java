package dev.afterimage.archive;

import dev.afterimage.pdq.PdqHash;

/** An archived image's PDQ hash and quality (0–100), as the database keeps them. */
public record PdqFacts(PdqHash hash, int quality) {}
