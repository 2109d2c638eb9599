package dev.afterimage.detect;

/** What applying one poll's observation changed. */
public record Reconciliation(int newPosts, int newVersions, int deleted, int restored, int stillUnknown, int events) {}
