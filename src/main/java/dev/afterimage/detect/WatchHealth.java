package dev.afterimage.detect;

import java.time.Instant;

/** What the watchdog remembers of an account between polls. */
public record WatchHealth(Availability availability, int consecutiveUnknown, Instant unknownSince, boolean failing) {}
