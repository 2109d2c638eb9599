package dev.afterimage.detect;

import dev.afterimage.archive.StoredPost;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which archived live posts a poll asks about by permalink: decided from the posts alone, without the database. */
final class SuspectSelection {

    private SuspectSelection() {}

    /**
     * The live posts a listing covering everything published after {@code coveredFrom} should have shown but did
     * not, newest first, at most {@code max}: the rest are asked about at later polls.
     */
    static List<Suspect> missedByListing(List<StoredPost> live, Instant coveredFrom, Set<String> seenPostIds, int max) {
        return live.stream()
                .filter(post -> post.publishedAt().isAfter(coveredFrom))
                .filter(post -> !seenPostIds.contains(post.platformPostId()))
                .sorted(Comparator.comparing(StoredPost::publishedAt).reversed())
                .limit(max)
                .map(SuspectSelection::suspect)
                .toList();
    }

    /**
     * The posts due for their re-check that the listing neither showed nor covered (those it covered are judged by
     * the listing itself), in the order given, at most {@code max}.
     */
    static List<Suspect> dueForRecheck(List<StoredPost> due, Instant coveredFrom, Set<String> seenPostIds, int max) {
        return due.stream()
                .filter(post -> !seenPostIds.contains(post.platformPostId()))
                .filter(post ->
                        post.publishedAt() == null || !post.publishedAt().isAfter(coveredFrom))
                .limit(max)
                .map(SuspectSelection::suspect)
                .toList();
    }

    private static Suspect suspect(StoredPost post) {
        return new Suspect(post.id(), post.platformPostId(), post.url());
    }
}
