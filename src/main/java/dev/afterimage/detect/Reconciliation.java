package dev.afterimage.detect;

/** What applying one poll's observation changed. */
public record Reconciliation(int newPosts, int newVersions, int deleted, int restored, int events) {

    /** What a discarded observation changed. */
    public static final Reconciliation NOTHING = new Reconciliation(0, 0, 0, 0, 0);
}
