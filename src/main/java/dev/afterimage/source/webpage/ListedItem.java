package dev.afterimage.source.webpage;

import java.time.Instant;

/**
 * One item as the listing page shows it.
 *
 * @param url the item's own page, absolute and normalised
 * @param title the title as shown, possibly empty
 * @param date the date as shown; null when the page shows none that could be read
 */
record ListedItem(String url, String title, Instant date) {}
