package dev.afterimage.source.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * How long the header asks to wait from {@code now}, at most {@code cap}; empty when absent or unreadable. A
     * date in the past gives a negative or zero wait.
     */
    public static Optional<Duration> parse(String header, Instant now, Duration cap) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            // More digits than a long holds is still "a very long time", which the cap then bounds.
            Duration wait = value.length() > 18 ? cap : Duration.ofSeconds(Long.parseLong(value));
            return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, date);
            return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
