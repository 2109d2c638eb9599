package dev.afterimage.source;

/** Which account a source is asked about: its platform and its handle as the platform spells it. */
public record AccountRef(Platform platform, String handle) {}
