package dev.afterimage.detect;

/** How a poll ended, as shown on the account. */
public enum PollOutcome {
    /** The listing was read over the whole window. */
    OK,
    /** The listing was read, but not over the whole window (a later page failed or the page limit was hit). */
    PARTIAL,
    /** The platform says the account is gone or no longer public. */
    ACCOUNT_GONE,
    /** Nothing usable came back. */
    UNKNOWN
}
