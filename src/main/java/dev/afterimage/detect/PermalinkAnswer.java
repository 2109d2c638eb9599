package dev.afterimage.detect;

import dev.afterimage.source.PermalinkCheck;
import java.time.Instant;

/**
 * What a post's permalink answered, and when.
 *
 * @param missedByListing true for a suspect (a listing that covered the post did not show it), false for a
 *     scheduled re-check of a post the listing no longer reaches
 */
public record PermalinkAnswer(PermalinkCheck check, Instant askedAt, boolean missedByListing) {}
