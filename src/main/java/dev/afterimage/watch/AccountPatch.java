package dev.afterimage.watch;

/** A change to an account; null fields are left as they are. */
public record AccountPatch(String label, String pollInterval, Boolean enabled) {}
