package dev.afterimage.web.console;

import dev.afterimage.web.replay.ArchivedPostPage;
import java.util.List;

/**
 * A post's console page: the archived view, its timeline, and a diff between two chosen versions.
 *
 * @param diff null while the post has a single version
 * @param mediaChange the diff's two versions' media side by side, or null when their media are the same
 * @param versionNumbers 1 to the number of versions, for the diff's pickers
 * @param trustedTime whether a time-stamping authority dated the post's newest record in the evidence chain
 * @param deletion when the post went and the proof that it did, or null while it is live
 */
public record PostPage(
        long id,
        long accountId,
        ArchivedPostPage archived,
        List<TimelineEntry> timeline,
        VersionDiff diff,
        MediaChange mediaChange,
        List<Integer> versionNumbers,
        String archiveUrl,
        String timemapUrl,
        String warcUrl,
        String jsonUrl,
        List<SeenBefore> seenBefore,
        TrustedTime trustedTime,
        DeletionWindow deletion) {}
