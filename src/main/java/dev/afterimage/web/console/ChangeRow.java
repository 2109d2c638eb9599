package dev.afterimage.web.console;

import java.time.Instant;

/**
 * One deletion or edit on the deletions-and-edits page and in its exports.
 *
 * @param account how the account is named; "removed account 7" once it is gone
 * @param platform null once the account is gone
 * @param postId null when the post was purged; the event still names its URL
 * @param preview the post's newest text and media as archived
 * @param deletion for a deletion still standing, when the post went and the proof; otherwise null
 */
public record ChangeRow(
        long eventId,
        ChangeKind kind,
        Instant detectedAt,
        Moment detected,
        Long accountId,
        String account,
        PlatformBadge platform,
        String group,
        Long postId,
        String postUrl,
        Instant publishedAt,
        PostPreview preview,
        DeletionWindow deletion) {

    /** The platform's name, or null once the account is gone. */
    public String platformName() {
        return platform == null ? null : platform.name();
    }

    public String postPage() {
        return postId == null ? null : "/console/posts/" + postId;
    }
}
