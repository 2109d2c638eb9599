package dev.afterimage.web.console;

import dev.afterimage.detect.Lifetimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A point in time as the console shows it: UTC in the page (the script rewrites it to the viewer's zone and keeps
 * UTC on hover), ISO for machines, and how long ago it was.
 */
public record Moment(String utc, String iso, String ago) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern(
                    "d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Null in, null out: templates show nothing for a time that never happened. */
    static Moment of(Instant instant, Instant now) {
        if (instant == null) {
            return null;
        }
        Duration age = Duration.between(instant, now);
        String ago = age.isNegative() ? "in " + Lifetimes.human(age.negated()) : Lifetimes.human(age) + " ago";
        return new Moment(UTC.format(instant), instant.toString(), ago);
    }

    /** "57 min after publication", or null when either end is unknown. */
    static String after(Instant from, Instant to, String what) {
        if (from == null || to == null) {
            return null;
        }
        return Lifetimes.human(Duration.between(from, to)) + " after " + what;
    }
}
