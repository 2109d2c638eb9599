package dev.afterimage.source.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The rate-limit headers APIs send with every answer: {@code X-RateLimit-Remaining} requests left in the current
 * window, and {@code X-RateLimit-Reset} when it ends, as an ISO-8601 time (Mastodon) or in epoch seconds (X).
 */
final class RateLimitWindow {

    private RateLimitWindow() {}

    /** When the window ends, if no request is left in it; empty while requests remain or the headers are unreadable. */
    static Optional<Instant> exhaustedUntil(String remaining, String reset) {
        if (remaining == null || reset == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(remaining.trim()) > 0) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return resetTime(reset.trim());
    }

    private static Optional<Instant> resetTime(String reset) {
        if (!reset.isEmpty() && reset.length() <= 12 && reset.chars().allMatch(Character::isDigit)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(reset)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(reset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
