package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the query parameters lists take, answering bad ones with a 400 that names them. */
final class QueryParameters {

    private QueryParameters() {}

    static int limit(String text, int defaultLimit, int maxLimit) {
        Long requested = number(text, "limit");
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + maxLimit);
        }
        return requested.intValue();
    }

    static int offset(String text) {
        Long requested = number(text, "offset");
        if (requested == null) {
            return 0;
        }
        if (requested < 0 || requested > Integer.MAX_VALUE) {
            throw new InvalidFieldException("offset", "offset must be a whole number from 0");
        }
        return requested.intValue();
    }

    /** A whole-number query parameter, or null when absent; a 400 naming the parameter when it is not a number. */
    static Long number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, field + " must be a whole number, not \"" + text + "\"");
        }
    }

    /**
     * An instant query parameter, as an ISO-8601 instant ({@code 2025-03-01T12:00:00Z}) or a UTC date
     * ({@code 2025-03-01}, its midnight); null when absent; a 400 naming the parameter otherwise.
     */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.contains("T")
                    ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field,
                    field + " must be a date (2025-03-01) or an instant (2025-03-01T12:00:00Z), not \"" + text + "\"");
        }
    }
}
