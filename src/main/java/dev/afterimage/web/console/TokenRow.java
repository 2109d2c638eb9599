package dev.afterimage.web.console;

/** One API token as the tokens page lists it (never its secret, which is not kept). */
record TokenRow(
        long id,
        String name,
        String role,
        String createdBy,
        Moment created,
        Moment expires,
        Moment lastUsed,
        Moment revoked) {}
