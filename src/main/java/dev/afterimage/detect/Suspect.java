package dev.afterimage.detect;

/** An archived post whose permalink must be asked whether it still exists. */
public record Suspect(long postId, String platformPostId) {}
