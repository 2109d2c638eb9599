package dev.afterimage.security;

import java.time.Duration;

/** What a name and password got: in, refused, or told to wait before trying again. */
public sealed interface LoginOutcome {

    record Accepted(Caller caller) implements LoginOutcome {}

    record Refused() implements LoginOutcome {}

    /** Too many failures of this name from this client: nothing was checked. */
    record Throttled(Duration retryAfter) implements LoginOutcome {}
}
