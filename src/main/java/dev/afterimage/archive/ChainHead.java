package dev.afterimage.archive;

/**
 * The newest entry of the evidence chain: its number and hash. The hash covers every entry before it, so a time
 * stamp on it dates all of them.
 */
public record ChainHead(long seq, String hash) {}
