package dev.afterimage.detect;

/** What applying one poll's observation changed. */
public record Reconciliation(int newPosts, int newVersions, int deleted, int restored, int events) {

    /** What a discarded observation changed. */
    public static final Reconciliation NOTHING = new Reconciliation(0, 0, 0, 0, 0);

    /** What two parts of one poll changed together. */
    public Reconciliation plus(Reconciliation other) {
        return new Reconciliation(
                newPosts + other.newPosts,
                newVersions + other.newVersions,
                deleted + other.deleted,
                restored + other.restored,
                events + other.events);
    }
}
