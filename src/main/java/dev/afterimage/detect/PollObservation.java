package dev.afterimage.detect;

import dev.afterimage.archive.ObservedPost;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll of one account saw on the network, gathered before any database write so the writes
 * can be one short transaction.
 *
 * @param startedAt when the poll began: the listing was read from then on
 * @param seen the listed posts as the poll read them
 * @param unread the listed posts of a page the poll found byte for byte as an earlier poll read it, as that poll
 *     read them: each as archived (the poll took the page unread only then), so noted as seen again, nothing more
 * @param answers the permalink answers for suspects and due re-checks, by platform post id
 * @param archived what the archive held of the listed posts when the poll planned its questions ({@link PollPlan})
 */
public record PollObservation(
        long accountId,
        Instant startedAt,
        ListingOutcome listing,
        List<ObservedPost> seen,
        List<ListedPost> unread,
        Map<String, PermalinkAnswer> answers,
        Map<String, ArchivedCopy> archived) {

    public PollObservation {
        seen = List.copyOf(seen);
        unread = List.copyOf(unread);
        answers = Map.copyOf(answers);
        archived = Map.copyOf(archived);
    }

    /** A poll that read what it listed. */
    public PollObservation(
            long accountId,
            Instant startedAt,
            ListingOutcome listing,
            List<ObservedPost> seen,
            Map<String, PermalinkAnswer> answers,
            Map<String, ArchivedCopy> archived) {
        this(accountId, startedAt, listing, seen, List.of(), answers, archived);
    }

    /** Permalink checks that got no answer: while there are any, the watch is not doing its job. */
    public long unanswered() {
        return answers.values().stream()
                .filter(answer -> answer.check() instanceof dev.afterimage.source.PermalinkCheck.Unknown)
                .count();
    }
}
