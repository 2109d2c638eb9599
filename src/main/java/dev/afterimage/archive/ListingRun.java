package dev.afterimage.archive;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * The polls of one account, since {@code startedAt}, that listed the same live posts, every one as archived: a
 * quiet account's polls, which would otherwise each rewrite the sighting of every listed post. The run's start wrote
 * each member's sighting as {@code startedAt}; the polls after it only move {@code seenThrough}, and a post whose own
 * sighting is still the run's start reads as seen then ({@link Post#lastSeenAt}). A post written on its own since
 * (seen by its permalink, changed) leaves the run by that write. Ending the run writes {@code seenThrough} into its
 * members' own sightings, in the transaction of the poll that ends it, so no reader sees a sighting go back.
 *
 * @param members the run's posts: their ids, ascending, comma-separated, compared whole with a poll's
 */
record ListingRun(Instant startedAt, Instant seenThrough, String members) {

    /** A listing of more posts is noted post by post: the run's set must fit its column. */
    static final int MAX_MEMBERS = 500;

    static String membersOf(List<Long> postIds) {
        return postIds.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Moves the account's run on to {@code seenAt}: true when its run lists exactly these members. */
    static boolean extend(long accountId, String members, Instant seenAt) {
        return write(
                        "UPDATE listing_run SET seen_through = ?1"
                                + " WHERE account_id = ?2 AND post_ids = ?3 AND seen_through <= ?1",
                        List.of("listing_run"),
                        seenAt,
                        accountId,
                        members)
                == 1;
    }

    /** Starts the account's run with posts whose sightings were just written as {@code seenAt}. */
    static void start(long accountId, String members, Instant seenAt) {
        write(
                "INSERT INTO listing_run (account_id, started_at, seen_through, post_ids) VALUES (?1, ?2, ?2, ?3)",
                List.of("listing_run"),
                accountId,
                seenAt,
                members);
    }

    /** Ends the account's run, if it has one: its members that are still its own were seen through its last poll. */
    static void end(long accountId) {
        ListingRun run = of(accountId).orElse(null);
        if (run == null) {
            return;
        }
        List<Long> ids =
                Arrays.stream(run.members.split(",")).map(Long::valueOf).toList();
        for (int from = 0; from < ids.size(); from += Post.KEYS_PER_QUERY) {
            write(
                    "UPDATE post_sighting SET last_seen_at = ?1 WHERE post_id IN (?2) AND last_seen_at = ?3",
                    List.of("post", "post_sighting"),
                    run.seenThrough,
                    ids.subList(from, Math.min(ids.size(), from + Post.KEYS_PER_QUERY)),
                    run.startedAt);
        }
        write("DELETE FROM listing_run WHERE account_id = ?1", List.of("listing_run"), accountId);
    }

    /**
     * A native write with positional parameters. It names the tables it touches, so Hibernate writes the pending
     * changes of those before it and no other entity's (the poll's record writes its account once, at the commit).
     */
    private static int write(String sql, List<String> tables, Object... parameters) {
        NativeQuery<?> query = entities().createNativeQuery(sql).unwrap(NativeQuery.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        tables.forEach(query::addSynchronizedQuerySpace);
        return query.executeUpdate();
    }

    private static Optional<ListingRun> of(long accountId) {
        List<?> rows = entities()
                .createNativeQuery("SELECT started_at, seen_through, post_ids FROM listing_run WHERE account_id = ?1")
                .setParameter(1, accountId)
                .unwrap(NativeQuery.class)
                .addScalar("started_at", StandardBasicTypes.INSTANT)
                .addScalar("seen_through", StandardBasicTypes.INSTANT)
                .addScalar("post_ids", StandardBasicTypes.STRING)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new ListingRun((Instant) row[0], (Instant) row[1], (String) row[2]))
                .findFirst();
    }

    private static EntityManager entities() {
        return Post.getEntityManager();
    }
}
