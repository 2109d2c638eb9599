package dev.afterimage.source.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds really write them: RFC 822 with zone names ({@code PST}, {@code EST}) and the weekday ignored (a
 * wrong one is common), two-digit years and missing seconds; W3C/ISO 8601 down to a bare date ({@code dc:date}
 * {@code 2003-01-23}); {@code 2003/1/23}; and C's {@code asctime}. A date without a zone is read as UTC, as feedparser
 * reads it.
 */
final class FeedDates {

    // RFC 822 names its own zones; the others are the North American ones publishers write, as feedparser knows them.
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("GMT", 0),
            Map.entry("Z", 0),
            Map.entry("ADT", -3),
            Map.entry("AST", -4),
            Map.entry("AT", -4),
            Map.entry("EDT", -4),
            Map.entry("EST", -5),
            Map.entry("ET", -5),
            Map.entry("CDT", -5),
            Map.entry("CST", -6),
            Map.entry("CT", -6),
            Map.entry("MDT", -6),
            Map.entry("MST", -7),
            Map.entry("MT", -7),
            Map.entry("PDT", -7),
            Map.entry("PST", -8),
            Map.entry("PT", -8),
            Map.entry("A", -1),
            Map.entry("N", 1),
            Map.entry("M", -12),
            Map.entry("Y", 12));

    private static final String ZONE = "([A-Za-z]{1,5}|[+-]\\d{1,2}(?::?\\d{2})?)";

    private static final Pattern RFC_822 =
            Pattern.compile("(?:[A-Za-z]+\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?[\\s-]+"
                    + "(\\d{2,4})(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*" + ZONE + "?");

    private static final Pattern ISO_8601 = Pattern.compile(
            "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?"
                    + "(?:[T\\s]+(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*" + ZONE + "?");

    private static final Pattern ASCTIME =
            Pattern.compile("[A-Za-z]{3},?\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s+" + ZONE
                    + ")?\\s+(\\d{4})");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private FeedDates() {}

    /** The instant the text names, or null when it is no date of a form above (or no real date). */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            Matcher m = ISO_8601.matcher(value);
            if (m.matches()) {
                return at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
            }
            m = RFC_822.matcher(value);
            if (m.matches()) {
                return at(
                        year(m.group(3)),
                        month(m.group(2)),
                        m.group(1),
                        m.group(4),
                        m.group(5),
                        m.group(6),
                        m.group(7));
            }
            m = SLASHED.matcher(value);
            if (m.matches()) {
                return at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
            }
            m = ASCTIME.matcher(value);
            if (m.matches()) {
                return at(m.group(7), month(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
            }
        } catch (DateTimeException | NumberFormatException notADate) {
            return null;
        }
        return null;
    }

    private static Instant at(
            String year, String month, String day, String hour, String minute, String second, String zone) {
        if (month == null && year.length() != 4) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(
                Integer.parseInt(year),
                number(month, 1),
                number(day, 1),
                number(hour, 0),
                number(minute, 0),
                number(second, 0));
        return local.toInstant(offset(zone));
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    /** Two-digit years as RFC 822 wrote them: 90 and later are the 1900s. */
    private static String year(String digits) {
        if (digits.length() == 2) {
            int two = Integer.parseInt(digits);
            return String.valueOf(two >= 90 ? 1900 + two : 2000 + two);
        }
        return digits;
    }

    private static String month(String name) {
        int index = MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT));
        if (index < 0 || index % 3 != 0) {
            throw new DateTimeException("no month: " + name);
        }
        return String.valueOf(index / 3 + 1);
    }

    /** An unknown zone name is read as UTC: a date a few hours off beats no date, which leaves a post unwatched. */
    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        char sign = zone.charAt(0);
        if (sign == '+' || sign == '-') {
            String digits = zone.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
            int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
            int seconds = hours * 3600 + minutes * 60;
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        }
        return ZoneOffset.ofHours(ZONE_HOURS.getOrDefault(zone.toUpperCase(Locale.ROOT), 0));
    }
}
