package dev.afterimage.detect;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.archive.StoredPost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from a poll's listing and the archive, which posts the platform is asked about: the suspects the listing
 * missed, the posts the platform pushed a deletion notice for, and the old posts due a re-check; and notes what the
 * archive holds of the listed posts, which recording compares them with. One read transaction, before any question is
 * sent.
 */
@ApplicationScoped
public class PollPlanner {

    private final int maxSuspectsPerPoll;
    private final int maxRechecksPerPoll;

    PollPlanner(DetectConfig config) {
        this.maxSuspectsPerPoll = config.maxSuspectsPerPoll();
        this.maxRechecksPerPoll = config.maxRechecksPerPoll();
    }

    /**
     * @param listedIds the platform ids of every post the listing showed, as stored
     * @param windowStart where the watch window begins: the posts a blind listing puts in doubt are those after it
     * @param pushedDeletions posts the platform pushed a deletion notice for, whatever their age
     */
    @Transactional
    public PollPlan plan(
            long accountId,
            ListingOutcome listing,
            Set<String> listedIds,
            Instant windowStart,
            Instant startedAt,
            Set<String> pushedDeletions) {
        if (!(listing instanceof ListingOutcome.Listed listed)) {
            return new PollPlan(listing, List.of(), List.of(), Map.of());
        }
        if (listedIds.isEmpty() && hasLivePosts(accountId)) {
            // A parser that sees no posts is broken until the permalinks say otherwise: the poll failed, but the
            // permalinks of the posts in the window are still asked, since a wiped channel is a real event.
            return new PollPlan(
                    new ListingOutcome.Unknown("the listing showed no posts where archived posts are live"),
                    withPushed(
                            accountId,
                            suspects(live(accountId, windowStart), windowStart, Set.of()),
                            pushedDeletions,
                            listedIds),
                    List.of(),
                    Map.of());
        }
        List<StoredPost> live = live(accountId, listed.coveredFrom());
        return new PollPlan(
                listing,
                withPushed(accountId, suspects(live, listed.coveredFrom(), listedIds), pushedDeletions, listedIds),
                SuspectSelection.dueForRecheck(
                        Post.dueForRecheck(accountId, startedAt, maxRechecksPerPoll + listedIds.size()),
                        listed.coveredFrom(),
                        listedIds,
                        maxRechecksPerPoll),
                archivedCopies(accountId, live, listedIds));
    }

    /**
     * {@link #plan} for a listing taken as read before, with no deletion pushed, and how long that plan stands: read in
     * the same transaction, so the two agree.
     */
    @Transactional
    public StandingPlan planStanding(
            long accountId, ListingOutcome listing, Set<String> listedIds, Instant windowStart, Instant startedAt) {
        return new StandingPlan(
                plan(accountId, listing, listedIds, windowStart, startedAt, Set.of()),
                Post.nextRecheckAfter(accountId, startedAt));
    }

    /** The account's live posts published from {@code coveredFrom} on: those a listing covering it should show. */
    private static List<StoredPost> live(long accountId, Instant coveredFrom) {
        return coveredFrom.equals(Instant.MAX) ? List.of() : Post.liveSince(accountId, coveredFrom);
    }

    /**
     * Live posts the listing should have shown (published after {@code coveredFrom}) but did not, newest first, at
     * most {@code afterimage.detect.max-suspects-per-poll} of them: the rest are asked about at later polls.
     */
    private List<Suspect> suspects(List<StoredPost> live, Instant coveredFrom, Set<String> listedIds) {
        return SuspectSelection.missedByListing(live, coveredFrom, listedIds, maxSuspectsPerPoll);
    }

    /**
     * The archive's copies of the listed posts. Most are among the live posts the listing covers, already read for the
     * suspects; the rest (undated, not live, or new) are looked up by their ids.
     */
    private static Map<String, ArchivedCopy> archivedCopies(
            long accountId, List<StoredPost> live, Set<String> listedIds) {
        Map<String, ArchivedCopy> copies = new HashMap<>();
        live.stream()
                .filter(post -> listedIds.contains(post.platformPostId()))
                .forEach(post -> copies.put(post.platformPostId(), ArchivedCopy.of(post)));
        Set<String> elsewhere = new HashSet<>(listedIds);
        elsewhere.removeAll(copies.keySet());
        if (!elsewhere.isEmpty()) {
            Post.listed(accountId, elsewhere).forEach(post -> copies.put(post.platformPostId(), ArchivedCopy.of(post)));
        }
        return copies;
    }

    /** Whether any post of the account is live: the first found answers, where a count would read them all. */
    private static boolean hasLivePosts(long accountId) {
        return Post.find("accountId = ?1 and state = ?2", accountId, PostState.LIVE)
                .firstResultOptional()
                .isPresent();
    }

    /**
     * The suspects, then the archived live posts a platform pushed a deletion notice for (X's {@code post.delete})
     * that the listing did not show: suspects like any other, confirmed only by the platform's answer.
     */
    private List<Suspect> withPushed(
            long accountId, List<Suspect> suspects, Set<String> pushedDeletions, Set<String> listedIds) {
        if (pushedDeletions.isEmpty()) {
            return suspects;
        }
        Set<String> already = suspects.stream().map(Suspect::platformPostId).collect(Collectors.toSet());
        List<Suspect> all = new ArrayList<>(suspects);
        pushedDeletions.stream()
                .filter(id -> !listedIds.contains(id))
                .map(id -> Post.find(accountId, id))
                .flatMap(Optional::stream)
                .filter(post -> post.state == PostState.LIVE)
                .limit(maxSuspectsPerPoll)
                .filter(post -> !already.contains(post.platformPostId))
                .map(post -> new Suspect(post.id, post.platformPostId, post.url))
                .forEach(all::add);
        return all;
    }
}
