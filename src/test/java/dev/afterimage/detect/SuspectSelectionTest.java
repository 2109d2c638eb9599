package dev.afterimage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.archive.PostState;
import dev.afterimage.archive.StoredPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuspectSelectionTest {

    private static final Instant COVERED_FROM = Instant.parse("2017-11-14T10:00:00Z");

    @Test
    void missedByListingAreTheUnseenPostsInsideTheCoveredRangeNewestFirst() {
        List<StoredPost> live = List.of(
                post(1, "10", COVERED_FROM),
                post(2, "11", COVERED_FROM.plus(Duration.ofHours(1))),
                post(3, "12", COVERED_FROM.plus(Duration.ofHours(2))),
                post(4, "13", COVERED_FROM.plus(Duration.ofHours(3))));

        List<Suspect> suspects = SuspectSelection.missedByListing(live, COVERED_FROM, Set.of("12"), 10);

        assertEquals(List.of("13", "11"), ids(suspects));
    }

    @Test
    void missedByListingKeepsOnlyTheNewestWhenThereAreTooMany() {
        List<StoredPost> live = List.of(
                post(1, "10", COVERED_FROM.plusSeconds(1)),
                post(2, "11", COVERED_FROM.plusSeconds(3)),
                post(3, "12", COVERED_FROM.plusSeconds(2)));

        assertEquals(List.of("11", "12"), ids(SuspectSelection.missedByListing(live, COVERED_FROM, Set.of(), 2)));
    }

    @Test
    void dueForRecheckSkipsPostsTheListingShowedOrCovered() {
        List<StoredPost> due = List.of(
                post(1, "10", COVERED_FROM.minus(Duration.ofDays(3))),
                post(2, "11", COVERED_FROM.plusSeconds(1)),
                post(3, "12", null),
                post(4, "13", COVERED_FROM.minus(Duration.ofDays(1))),
                post(5, "14", COVERED_FROM));

        List<Suspect> rechecks = SuspectSelection.dueForRecheck(due, COVERED_FROM, Set.of("13"), 10);

        assertEquals(List.of("10", "12", "14"), ids(rechecks));
    }

    @Test
    void dueForRecheckKeepsTheGivenOrderUpToTheLimit() {
        List<StoredPost> due = List.of(
                post(1, "10", COVERED_FROM.minusSeconds(1)),
                post(2, "11", COVERED_FROM.minusSeconds(3)),
                post(3, "12", COVERED_FROM.minusSeconds(2)));

        List<Suspect> rechecks = SuspectSelection.dueForRecheck(due, COVERED_FROM, Set.of(), 2);

        assertEquals(
                List.of(new Suspect(1L, "10", "https://t.me/c/10"), new Suspect(2L, "11", "https://t.me/c/11")),
                rechecks);
    }

    private static StoredPost post(long id, String platformPostId, Instant publishedAt) {
        return new StoredPost(
                id, platformPostId, "https://t.me/c/" + platformPostId, publishedAt, PostState.LIVE, null, "", null);
    }

    private static List<String> ids(List<Suspect> suspects) {
        return suspects.stream().map(Suspect::platformPostId).toList();
    }
}
