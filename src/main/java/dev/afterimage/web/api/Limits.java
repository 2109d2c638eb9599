package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;

/** Checks the paging parameters every list takes. */
final class Limits {

    private Limits() {}

    static int limit(Integer requested, int defaultLimit, int maxLimit) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + maxLimit);
        }
        return requested;
    }

    static int offset(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0) {
            throw new InvalidFieldException("offset", "offset must not be negative");
        }
        return requested;
    }
}
