package dev.afterimage.alert;

/** Fired (as a CDI event) for each event appended; observers that count wait for the commit. */
public record EventAppended(EventType type) {}
