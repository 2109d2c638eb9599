package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.annotations.Formula;

/**
 * One post of one watched account, across all its versions. The account is referenced by id only, so the
 * archive does not depend on how accounts are watched.
 */
@Entity
@Table(name = "post")
@SecondaryTable(name = "post_sighting", pkJoinColumns = @PrimaryKeyJoinColumn(name = "post_id"))
public class Post extends PanacheEntityBase {

    /** Platform ids looked up per query: a batch of a poll, well under any database's limit on parameters. */
    public static final int KEYS_PER_QUERY = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "platform_post_id", nullable = false)
    public String platformPostId;

    /**
     * The canonical public URL (e.g. https://t.me/mod_russia/12345), whatever base URL it was fetched from; for a feed
     * entry or web-page item linking another platform's post, its feed's URL, '#', the link ({@code MentionUrl}).
     */
    @Column(nullable = false)
    public String url;

    /** The other platform's post a feed entry or web-page item links, canonical: a mention, never that post's copy. */
    @Column(name = "linked_url")
    public String linkedUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    /**
     * When the post itself was last noted as seen, in a table of its own (V42): rewritten by the polls that list it,
     * except those that only continue its account's {@link ListingRun}. What a reader wants is {@link #lastSeenAt}.
     */
    @Column(name = "last_seen_at", table = "post_sighting", nullable = false)
    public Instant sightedAt;

    /**
     * When a listing or the permalink last showed the post: its own sighting, unless that is where its account's
     * listing run started, in which case the run's latest poll. Read-only; {@link Archive} sets it beside
     * {@link #sightedAt} so a post just written reads alike.
     */
    @Formula("(SELECT CASE WHEN r.started_at = s.last_seen_at THEN r.seen_through ELSE s.last_seen_at END"
            + " FROM post_sighting s LEFT JOIN listing_run r ON r.account_id = account_id WHERE s.post_id = id)")
    public Instant lastSeenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostState state;

    /** When a listing that should have shown the post first did not; cleared when it is seen again. */
    @Column(name = "missing_since")
    public Instant missingSince;

    /** When the deletion was confirmed by the post's permalink. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The permalink answer that proved the post gone, kept as evidence. */
    @Column(name = "deletion_capture_id")
    public Long deletionCaptureId;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    /** When the post, once older than the watch window, is next asked about by permalink. */
    @Column(name = "next_recheck_at")
    public Instant nextRecheckAt;

    /** The content hash of the newest version. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    public static Optional<Post> find(long accountId, String platformPostId) {
        return find("accountId = ?1 and platformPostId = ?2", accountId, platformPostId)
                .firstResultOptional();
    }

    /**
     * The account's posts with these platform ids. Each is found by the (account, platform id) key on its own: H2
     * answers {@code account_id = ? AND platform_post_id IN (…)} by reading every post of the account.
     */
    public static List<StoredPost> listed(long accountId, Collection<String> platformPostIds) {
        List<StoredPost> posts = new ArrayList<>();
        List<String> ids = List.copyOf(platformPostIds);
        for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY));
            List<Object> parameters = new ArrayList<>(chunk.size() + 1);
            parameters.add(accountId);
            parameters.addAll(chunk);
            posts.addAll(find("(accountId, platformPostId) in (" + keyPairs(chunk.size()) + ")", parameters.toArray())
                    .project(StoredPost.class)
                    .list());
        }
        return posts;
    }

    /**
     * {@code (?1, ?2), (?1, ?3), …}: the account (parameter 1) paired with each of {@code count} platform ids
     * (parameters 2 and on).
     */
    private static String keyPairs(int count) {
        return IntStream.rangeClosed(2, count + 1)
                .mapToObj(index -> "(?1, ?" + index + ")")
                .collect(Collectors.joining(", "));
    }

    public static List<StoredPost> liveSince(long accountId, Instant publishedFrom) {
        return find("accountId = ?1 and state = ?2 and publishedAt >= ?3", accountId, PostState.LIVE, publishedFrom)
                .project(StoredPost.class)
                .list();
    }

    public static List<StoredPost> dueForRecheck(long accountId, Instant now, int limit) {
        return find(
                        "accountId = ?1 and state = ?2 and nextRecheckAt <= ?3 order by nextRecheckAt",
                        accountId,
                        PostState.LIVE,
                        now)
                .project(StoredPost.class)
                .page(0, limit)
                .list();
    }

    /** When the account's first live post falls due a re-check after {@code after}; empty when none will. */
    public static Optional<Instant> nextRecheckAfter(long accountId, Instant after) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select min(p.nextRecheckAt) from Post p where p.accountId = ?1 and p.state = ?2"
                                + " and p.nextRecheckAt > ?3",
                        Instant.class)
                .setParameter(1, accountId)
                .setParameter(2, PostState.LIVE)
                .setParameter(3, after)
                .getSingleResult());
    }

    /** The posts of these ids, in the order given; an id with no post is left out. */
    public static List<Post> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> byId = new HashMap<>();
        for (Post post : Post.<Post>list("id in ?1", ids)) {
            byId.put(post.id, post);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
