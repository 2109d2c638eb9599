package dev.afterimage.web.memento;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two ways Memento routes write a datetime: the 14-digit Wayback timestamp ({@code yyyyMMddHHmmss}, UTC) in
 * memento URLs, and the HTTP date ({@code Tue, 14 Nov 2017 10:57:00 GMT}) in Accept-Datetime, Memento-Datetime and
 * link attributes.
 */
public final class MementoTimestamps {

    private static final DateTimeFormatter FOURTEEN_DIGITS = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4)
            .appendValue(MONTH_OF_YEAR, 2)
            .appendValue(DAY_OF_MONTH, 2)
            .appendValue(HOUR_OF_DAY, 2)
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendValue(SECOND_OF_MINUTE, 2)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    /** IMF-fixdate (RFC 9110 section 5.6.7): unlike RFC_1123_DATE_TIME it pads the day to two digits. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Pattern WEEKDAY = Pattern.compile("^(?i:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ");

    private static final Pattern PARTIAL_TIMESTAMP = Pattern.compile("[0-9]{4,14}");

    /** The earliest digit at each position of a timestamp; month and day start at 01. */
    private static final String EARLIEST = "00000101000000";

    private static final int MONTH_TENS = 4;
    private static final int DAY_TENS = 6;

    private MementoTimestamps() {}

    /** The Wayback timestamp of an instant, to the second, in UTC; years beyond 9999 do not fit and throw. */
    public static String format14(Instant instant) {
        return FOURTEEN_DIGITS.format(instant);
    }

    /**
     * Reads a Wayback timestamp of 4 to 14 digits. Fewer than 14 name a period, read as its earliest instant as the
     * Wayback Machine does: {@code 2017} is 2017-01-01T00:00:00Z, {@code 201711} is 2017-11-01T00:00:00Z. An odd
     * length names part of a field and is read the same way: {@code 20171} covers months 10 to 12, so
     * 2017-10-01T00:00:00Z.
     *
     * @return empty for anything else: other lengths, non-digits, or a period with no valid instant (month 13, Feb 30)
     */
    public static Optional<Instant> parse14(String timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (!PARTIAL_TIMESTAMP.matcher(timestamp).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(earliestCompletion(timestamp), FOURTEEN_DIGITS)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    /** The HTTP date of an instant, to the second: {@code Tue, 14 Nov 2017 10:57:00 GMT}. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /**
     * Reads an Accept-Datetime value, which RFC 7089 section 2.1.1 makes an RFC 1123 date. Surrounding whitespace is
     * ignored, and so is a wrong weekday: the date says which day is meant, and RFC 7089's own figures write
     * {@code Tue, 15 Sep 2000}, a Friday. The caller tells an absent header (the latest memento) from an invalid one
     * (400), so null is refused.
     *
     * @return empty when the value is not an RFC 1123 date or names an impossible time
     */
    public static Optional<Instant> parseHttpDate(String value) {
        Objects.requireNonNull(value, "value");
        String withoutWeekday = WEEKDAY.matcher(value.strip()).replaceFirst("");
        try {
            return Optional.of(ZonedDateTime.parse(withoutWeekday, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    /** Pads a partial timestamp with the smallest digits that can follow it. */
    private static String earliestCompletion(String digits) {
        StringBuilder full = new StringBuilder(digits);
        for (int position = digits.length(); position < EARLIEST.length(); position++) {
            boolean unitsAfterNonZeroTens =
                    (position == MONTH_TENS + 1 || position == DAY_TENS + 1) && full.charAt(position - 1) != '0';
            full.append(unitsAfterNonZeroTens ? '0' : EARLIEST.charAt(position));
        }
        return full.toString();
    }
}
