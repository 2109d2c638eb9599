package dev.afterimage.watch;

import dev.afterimage.archive.ContentHash;
import dev.afterimage.archive.ObservedPost;
import dev.afterimage.detect.ListedPost;
import dev.afterimage.detect.ListingOutcome;
import dev.afterimage.detect.PollPlan;
import dev.afterimage.detect.StandingPlan;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the last reading of each account's newest page found, where its source can tell the same page again (the page
 * carries a digest, {@link PostSource#newestPage}): a poll that fetches the very bytes again may take them as read
 * then ({@link Poller}). Kept only for a page that was the whole listing and whose every post was admitted with its
 * media stored, so that taking it unread skips nothing a reading would have done. With a reading, the plan a poll that
 * took it unread read for it, when that plan asks nothing: the polls after it need not read the account's posts while
 * no record writes them ({@link Account#postsVersion}, which every instance's records count) and no re-check falls
 * due. In memory only, since a reading depends on the service's code: after a restart, or on another instance, each
 * page is read once more.
 */
final class PageReadings {

    /** A listed post as the reading compared it with the archive. */
    record ReadPost(String platformPostId, ContentHash contentHash) {}

    /**
     * @param outcome what the page covered
     * @param posts the posts it listed, as stored
     * @param published the publication times it showed
     */
    record Reading(
            PageDigest digest,
            ListingOutcome.Listed outcome,
            Optional<String> title,
            List<ReadPost> posts,
            List<Instant> published) {

        Set<String> listedIds() {
            return posts.stream().map(ReadPost::platformPostId).collect(Collectors.toSet());
        }

        /** The posts as a poll that fetched the page again at {@code fetchedAt} lists them. */
        List<ListedPost> listedAt(Instant fetchedAt) {
            return posts.stream()
                    .map(post -> new ListedPost(post.platformPostId(), post.contentHash(), fetchedAt))
                    .toList();
        }
    }

    /**
     * A plan read for a reading: it holds for later polls that take the same reading unread while the account's posts
     * stay at {@code postsVersion} and no re-check falls due ({@link StandingPlan}).
     */
    private record KeptPlan(Reading reading, long postsVersion, StandingPlan standing) {}

    private final Map<Long, Reading> byAccount = new ConcurrentHashMap<>();
    private final Map<Long, KeptPlan> plans = new ConcurrentHashMap<>();

    Optional<Reading> of(long accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    /**
     * The plan kept for this reading, when it still holds for a poll that started at {@code startedAt} with the
     * account's posts at {@code postsVersion}.
     */
    Optional<PollPlan> plan(long accountId, Reading reading, long postsVersion, Instant startedAt) {
        KeptPlan kept = plans.get(accountId);
        if (kept == null
                || kept.reading() != reading
                || kept.postsVersion() != postsVersion
                || !kept.standing().standsAt(startedAt)) {
            return Optional.empty();
        }
        return Optional.of(kept.standing().plan());
    }

    /**
     * Keeps a plan read for the reading with the account's posts at {@code postsVersion}, when it asks nothing: a plan
     * that asks is followed by a reading of the page, which replaces the reading.
     */
    void keep(long accountId, Reading reading, long postsVersion, StandingPlan standing) {
        if (standing.plan().asksNothing() && byAccount.get(accountId) == reading) {
            plans.put(accountId, new KeptPlan(reading, postsVersion, standing));
        }
    }

    /**
     * Keeps what a poll that read the account's listing found on its newest page, when a later poll could take that
     * page as read; otherwise forgets any earlier reading.
     *
     * @param seen the listed posts as the poll observed them, each with its media
     * @param skipped whether any listed post was skipped
     */
    void note(long accountId, ListingWalk walk, List<ObservedPost> seen, boolean skipped) {
        Optional<Reading> reading = readingOf(walk, seen, skipped);
        plans.remove(accountId);
        if (reading.isPresent()) {
            byAccount.put(accountId, reading.get());
        } else {
            byAccount.remove(accountId);
        }
    }

    private static Optional<Reading> readingOf(ListingWalk walk, List<ObservedPost> seen, boolean skipped) {
        if (walk.newestDigest().isEmpty()
                || walk.pagesFetched() != 1
                || !(walk.outcome() instanceof ListingOutcome.Listed listed)
                || !listed.complete()
                || skipped
                || seen.isEmpty()
                || seen.size() != walk.posts().size()
                || !seen.stream().allMatch(PageReadings::mediaStored)) {
            return Optional.empty();
        }
        return Optional.of(new Reading(
                walk.newestDigest().get(),
                listed,
                walk.title(),
                seen.stream()
                        .map(post -> new ReadPost(post.post().platformPostId(), post.contentHash()))
                        .toList(),
                walk.posts().stream()
                        .map(SourcePost::publishedAt)
                        .filter(Objects::nonNull)
                        .toList()));
    }

    /** A post with media still owed must be read again, so the next poll tries to download them. */
    private static boolean mediaStored(ObservedPost post) {
        return post.media().stream().allMatch(media -> media.sha256().isPresent());
    }
}
