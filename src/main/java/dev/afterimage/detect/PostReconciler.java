package dev.afterimage.detect;

import dev.afterimage.alert.EventDetails;
import dev.afterimage.alert.EventDraft;
import dev.afterimage.alert.EventLog;
import dev.afterimage.archive.Archive;
import dev.afterimage.archive.ArchiveConfig;
import dev.afterimage.archive.ContentHash;
import dev.afterimage.archive.NormalisedContent;
import dev.afterimage.archive.ObservedPost;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.diff.WordDiff;
import dev.afterimage.hash.Sha256;
import dev.afterimage.source.PermalinkCheck;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what a poll saw with what is archived, archives what is new and raises events. The rule that
 * governs it: a deletion is declared only when the post's own permalink said {@link PermalinkCheck.Gone}.
 * Absence from a listing only makes a post a {@link Suspect}; an unknown answer leaves it one.
 */
@ApplicationScoped
@Startup
public class PostReconciler {

    /**
     * An unanswered re-check is asked again after this, not at every poll, so that a few posts the platform will
     * not answer about cannot take every re-check slot of every poll.
     */
    private static final Duration UNANSWERED_RECHECK_RETRY = Duration.ofMinutes(15);

    private final Archive archive;
    private final EventLog events;
    private final RecheckSchedule recheckSchedule;
    private final int sameImageMaxDistance;
    private final MediaReuse reuse;

    public PostReconciler(
            Archive archive,
            EventLog events,
            DetectConfig detectConfig,
            ArchiveConfig archiveConfig,
            MediaReuse reuse) {
        this.archive = archive;
        this.events = events;
        this.reuse = reuse;
        this.recheckSchedule = new RecheckSchedule(detectConfig.recheckAges());
        this.sameImageMaxDistance = archiveConfig.sameImageMaxDistance();
    }

    /**
     * Archives what some of a poll's listed posts show: new posts, new versions, edits, restorations. Must run inside
     * a transaction of the caller's; a large listing is applied in several, each short.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reconciliation reconcileSeen(long accountId, List<ObservedPost> seen) {
        Tally tally = new Tally();
        for (ObservedPost post : seen) {
            reconcileSeen(accountId, post, tally);
        }
        return tally.result();
    }

    /**
     * The listed posts whose archived copy already says all they show: live, not missing, the same content, and next
     * re-checked when seeing them now would set it. Recording them is only noting that they were seen, which
     * {@link #reconcileUnchanged} does for all of them in one statement. Judged on the copies the poll's plan read
     * ({@link PollObservation#archived()}), so it costs no read of its own; the note itself is written only for posts
     * still live and not missing when it is.
     */
    public Set<String> unchanged(Map<String, ArchivedCopy> archived, List<ListedPost> seen) {
        Set<String> unchanged = new HashSet<>();
        for (ListedPost observed : seen) {
            String platformPostId = observed.platformPostId();
            ArchivedCopy copy = archived.get(platformPostId);
            if (copy != null
                    && copy.isLiveAs(observed.contentHash())
                    && Objects.equals(
                            copy.nextRecheckAt(), recheckSchedule.next(copy.publishedAt(), observed.observedAt()))) {
                unchanged.add(platformPostId);
            }
        }
        return unchanged;
    }

    /**
     * Notes that posts {@link #unchanged} found as archived were seen again. When they are all the poll listed, on one
     * page, and no permalink was asked about, the poll continues (or starts) its account's listing run; otherwise the
     * run ends first, so the posts this poll writes one by one, or the answers about to be applied, are no longer
     * read through it. Must run inside a transaction, before {@link #reconcileAnswers}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcileUnchanged(PollObservation observation, List<ListedPost> unchanged) {
        Map<String, ArchivedCopy> archived = observation.archived();
        Map<Instant, List<Long>> byPage = new HashMap<>();
        unchanged.forEach(post -> byPage.computeIfAbsent(post.observedAt(), at -> new ArrayList<>())
                .add(archived.get(post.platformPostId()).postId()));
        boolean onlyUnchanged = unchanged.size()
                        == observation.seen().size() + observation.unread().size()
                && byPage.size() == 1
                && observation.answers().isEmpty();
        if (onlyUnchanged) {
            byPage.forEach((seenAt, postIds) -> archive.markListedAgain(observation.accountId(), postIds, seenAt));
            return;
        }
        if (!observation.seen().isEmpty() || !observation.answers().isEmpty()) {
            archive.endListingRun(observation.accountId());
        }
        byPage.forEach((seenAt, postIds) -> archive.markSeenAgain(postIds, seenAt));
    }

    /** Applies a poll's permalink answers: deletions confirmed, suspects still missing. Must run inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reconciliation reconcileAnswers(PollObservation observation) {
        Tally tally = new Tally();
        observation.answers().forEach((platformPostId, answer) -> Post.find(observation.accountId(), platformPostId)
                .filter(post -> post.state == PostState.LIVE)
                .ifPresent(post -> reconcileAnswer(post, answer, observation.startedAt(), tally)));
        return tally.result();
    }

    private void reconcileSeen(long accountId, ObservedPost seen, Tally tally) {
        Instant seenAt = seen.observedAt();
        Post post = Post.find(accountId, seen.post().platformPostId()).orElse(null);
        if (post == null) {
            List<ObservedPost> history = reportedHistory(seen, Set.of());
            post = archive.recordNewPost(accountId, history.getFirst());
            for (ObservedPost version : history.subList(1, history.size())) {
                archive.recordVersion(post, version);
                tally.newVersions++;
            }
            archive.scheduleRecheck(post, recheckSchedule.next(post.publishedAt, seenAt));
            tally.newPosts++;
            raiseReuse(tally, post, seen);
            return;
        }
        archive.markSeen(post, seenAt, recheckSchedule.next(post.publishedAt, seenAt));
        if (post.state == PostState.DELETED) {
            restore(post, seenAt, tally);
        }
        if (seen.contentHash().isOf(post)) {
            return;
        }
        PostVersion newest = PostVersion.newestOf(post.id).orElseThrow();
        List<VersionMedia> newestMedia = VersionMedia.ofVersion(newest.id);
        if (onlyOwedDownloadsDiffer(newest, newestMedia, seen)) {
            archive.fillMissingMedia(post, newest, newestMedia, seen);
            return;
        }
        if (sameBytesReadAnew(newest, newestMedia, seen)) {
            // The publisher sent the very bytes archived: only the service's reading of them changed (a source's
            // parser was improved), which is no edit. The post takes the new hash once, so later polls compare alike.
            archive.adoptContentHash(post, seen.contentHash());
            return;
        }
        List<ObservedPost> missed = missedVersions(post, newest, seen);
        for (ObservedPost version : missed) {
            archive.recordVersion(post, version);
            tally.newVersions++;
        }
        PostVersion next = archive.recordVersion(post, seen);
        tally.newVersions++;
        boolean textChanged =
                !NormalisedContent.normaliseText(newest.text).equals(NormalisedContent.normaliseText(next.text));
        if (textChanged) {
            raise(tally, post, edit(newest, next, missed.size()));
        }
        if (MediaChange.noticeable(newestMedia, seen.media(), sameImageMaxDistance)) {
            raise(tally, post, mediaChange(newest, newestMedia, next));
            raiseReuse(tally, post, seen);
        }
    }

    /**
     * The versions to archive for a post seen for the first time: the earlier ones the platform reported, oldest
     * first, then the one seen, each once (a version equal to the one before it, or already archived, is skipped).
     */
    private static List<ObservedPost> reportedHistory(ObservedPost seen, Set<ContentHash> archivedHashes) {
        List<ObservedPost> history = new ArrayList<>();
        ContentHash previous = null;
        for (ObservedPost version : seen.earlierVersions()) {
            ContentHash hash = version.contentHash();
            if (!hash.equals(previous) && !archivedHashes.contains(hash) && !hash.equals(seen.contentHash())) {
                history.add(version);
            }
            previous = hash;
        }
        history.add(seen);
        return history;
    }

    /**
     * The versions the platform reports between the newest archived one and the one seen now: edits made between
     * two polls. They follow the last reported version already archived; when none of them is archived (the
     * platform renders its history differently), those the platform dates after the newest archived version.
     */
    private static List<ObservedPost> missedVersions(Post post, PostVersion newest, ObservedPost seen) {
        if (seen.earlierVersions().isEmpty()) {
            return List.of();
        }
        Set<ContentHash> archived = new HashSet<>(
                PostVersion.ofPost(post.id).stream().map(ContentHash::of).toList());
        List<ObservedPost> earlier = seen.earlierVersions();
        int lastArchived = -1;
        for (int i = 0; i < earlier.size(); i++) {
            if (archived.contains(earlier.get(i).contentHash())) {
                lastArchived = i;
            }
        }
        Instant newestAt = newest.platformVersionAt != null ? newest.platformVersionAt : newest.observedAt;
        List<ObservedPost> after = lastArchived >= 0
                ? earlier.subList(lastArchived + 1, earlier.size())
                : earlier.stream()
                        .filter(version -> version.post().versionAt() != null
                                && version.post().versionAt().isAfter(newestAt))
                        .toList();
        List<ObservedPost> candidates = reportedHistory(seen.withEarlierVersions(after), archived);
        return candidates.subList(0, candidates.size() - 1);
    }

    /**
     * True when the observation shows the newest version's content and differs only where that version still
     * owes a media download (or where this fetch failed one): completing a version is not an edit.
     */
    private static boolean onlyOwedDownloadsDiffer(PostVersion newest, List<VersionMedia> media, ObservedPost seen) {
        List<String> stored = media.stream().map(link -> link.mediaSha256).toList();
        if (!NormalisedContent.hash(seen.post(), stored).isOf(newest)
                || stored.size() != seen.media().size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            String seenSha = seen.media().get(i).sha256().orElse(null);
            if (stored.get(i) != null && seenSha != null && !stored.get(i).equals(seenSha)) {
                return false;
            }
        }
        return true;
    }

    /** True when the observation's raw bytes and media are exactly the newest version's. */
    private static boolean sameBytesReadAnew(PostVersion newest, List<VersionMedia> media, ObservedPost seen) {
        if (!Sha256.of(seen.post().rawFragment()).equals(newest.rawSha256)
                || media.size() != seen.media().size()) {
            return false;
        }
        for (int i = 0; i < media.size(); i++) {
            String stored = media.get(i).mediaSha256;
            if (stored == null || !stored.equals(seen.media().get(i).sha256().orElse(null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A post the permalink showed is live; its content is not compared here, because the embed is another
     * rendering of the post and a difference between renderings must never read as an edit.
     */
    private void reconcileAnswer(Post post, PermalinkAnswer answer, Instant listedAt, Tally tally) {
        Instant askedAt = answer.askedAt();
        archive.markChecked(post, askedAt);
        Instant missedAt = answer.missedByListing() ? listedAt : askedAt;
        switch (answer.check()) {
            case PermalinkCheck.Found found ->
                archive.markSeen(post, askedAt, recheckSchedule.next(post.publishedAt, askedAt));
            case PermalinkCheck.Gone gone -> declareDeleted(post, gone, missedAt, askedAt, tally);
            case PermalinkCheck.Unknown unknown -> {
                if (answer.missedByListing()) {
                    archive.markMissing(post, missedAt);
                } else {
                    archive.scheduleRecheck(post, askedAt.plus(UNANSWERED_RECHECK_RETRY));
                }
            }
        }
    }

    private void declareDeleted(
            Post post, PermalinkCheck.Gone gone, Instant missedAt, Instant confirmedAt, Tally tally) {
        DeletionWindow window = DeletionWindow.of(post.lastSeenAt, post.missingSince, missedAt);
        archive.markDeleted(post, confirmedAt, window.firstMissed(), gone.capture());
        tally.deleted++;
        PostVersion last = PostVersion.newestOf(post.id).orElseThrow();
        Optional<DeletionWindow.Lifetime> lifetime = window.lifetime(post.publishedAt);
        EventDetails details = new EventDetails.PostDeleted(
                post.platformPostId,
                post.publishedAt,
                post.firstSeenAt,
                post.lastSeenAt,
                window.firstMissed(),
                confirmedAt,
                lifetime.map(DeletionWindow.Lifetime::atLeastSeconds).orElse(null),
                lifetime.map(DeletionWindow.Lifetime::atMostSeconds).orElse(null),
                lifetime.map(DeletionWindow.Lifetime::words).orElse(null),
                gone.evidence(),
                last.text,
                last.contentHash,
                last.rawSha256,
                mediaSummary(VersionMedia.ofVersion(last.id)));
        raise(tally, post, details);
    }

    private void restore(Post post, Instant now, Tally tally) {
        EventDetails details = new EventDetails.PostRestored(post.platformPostId, post.deletedAt, now);
        archive.markRestored(post);
        tally.restored++;
        raise(tally, post, details);
    }

    private static EventDetails edit(PostVersion before, PostVersion after, int missedVersions) {
        return new EventDetails.PostEdited(
                before.id,
                after.id,
                before.contentHash,
                after.contentHash,
                before.text,
                after.text,
                WordDiff.between(before.text, after.text),
                missedVersions);
    }

    private static EventDetails mediaChange(PostVersion before, List<VersionMedia> beforeMedia, PostVersion after) {
        return new EventDetails.MediaChanged(
                before.id,
                after.id,
                before.contentHash,
                after.contentHash,
                mediaSummary(beforeMedia),
                mediaSummary(VersionMedia.ofVersion(after.id)));
    }

    private static List<EventDetails.MediaItem> mediaSummary(List<VersionMedia> media) {
        return media.stream()
                .map(link -> new EventDetails.MediaItem(link.kind, link.mediaSha256))
                .toList();
    }

    private void raiseReuse(Tally tally, Post post, ObservedPost seen) {
        reuse.check(post, seen.media()).ifPresent(details -> raise(tally, post, details));
    }

    private void raise(Tally tally, Post post, EventDetails details) {
        events.append(new EventDraft(post.accountId, post.id, post.url, details));
        tally.events++;
    }

    private static final class Tally {
        int newPosts;
        int newVersions;
        int deleted;
        int restored;
        int events;

        Reconciliation result() {
            return new Reconciliation(newPosts, newVersions, deleted, restored, events);
        }
    }
}
