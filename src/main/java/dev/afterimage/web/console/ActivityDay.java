package dev.afterimage.web.console;

import java.time.LocalDate;

/** One UTC day's posts published, deletions, and edits (of text or media). */
public record ActivityDay(LocalDate date, long posts, long deletions, long edits) {}
