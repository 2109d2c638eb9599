package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;

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
}
