package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import dev.afterimage.archive.Post;
import dev.afterimage.source.Platform;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deletions and edits across every account, newest first, as a reader filtered them. Read from the event log, so a
 * post deleted and restored shows both; paged by event id, so a page stays put while new events arrive.
 */
@ApplicationScoped
class ChangeLog {

    private final Clock clock;

    ChangeLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Up to {@code limit} changes older than event {@code before} (null: the newest), and one more when there are
     * more, so the caller knows.
     */
    @Transactional
    List<ChangeRow> find(ChangeFilter filter, Long before, int limit) {
        Optional<Set<String>> words = filter.searching() ? Words.query(filter.words()) : Optional.of(Set.of());
        if (words.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT e.id, e.type, e.detected_at, e.account_id, e.post_id, e.post_url, a.platform, a.handle,"
                        + " a.label, a.account_group FROM event e LEFT JOIN account a ON a.id = e.account_id"
                        + " WHERE e.type IN (");
        List<String> types =
                filter.kinds().stream().map(kind -> kind.event().name()).toList();
        for (int i = 0; i < types.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(parameters.size() + 1);
            parameters.add(types.get(i));
        }
        sql.append(")");
        if (filter.group() != null) {
            sql.append(" AND a.account_group = ?").append(parameters.size() + 1);
            parameters.add(filter.group());
        }
        if (filter.platform() != null) {
            sql.append(" AND a.platform = ?").append(parameters.size() + 1);
            parameters.add(filter.platform().name());
        }
        if (filter.accountId() != null) {
            sql.append(" AND e.account_id = ?").append(parameters.size() + 1);
            parameters.add(filter.accountId());
        }
        if (filter.fromInstant() != null) {
            sql.append(" AND e.detected_at >= ?").append(parameters.size() + 1);
            parameters.add(filter.fromInstant());
        }
        if (filter.toExclusive() != null) {
            sql.append(" AND e.detected_at < ?").append(parameters.size() + 1);
            parameters.add(filter.toExclusive());
        }
        if (before != null) {
            sql.append(" AND e.id < ?").append(parameters.size() + 1);
            parameters.add(before);
        }
        if (!words.get().isEmpty()) {
            appendWords(sql, parameters, words.get());
        }
        sql.append(" ORDER BY e.id DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        var query = Panache.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            found.add((Object[]) row);
        }
        return rows(found);
    }

    /** Posts holding every word in some version, in any account; the longest (likely rarest) word leads. */
    private static void appendWords(StringBuilder sql, List<Object> parameters, Set<String> words) {
        List<String> ordered = words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        sql.append(" AND e.post_id IN (SELECT w.post_id FROM console_word w WHERE w.word = ?")
                .append(parameters.size() + 1);
        parameters.add(ordered.getFirst());
        for (String word : ordered.subList(1, ordered.size())) {
            sql.append(" AND EXISTS (SELECT 1 FROM console_word o WHERE o.word = ?")
                    .append(parameters.size() + 1)
                    .append(" AND o.post_id = w.post_id)");
            parameters.add(word);
        }
        sql.append(")");
    }

    private List<ChangeRow> rows(List<Object[]> found) {
        List<Long> postIds = found.stream()
                .map(row -> row[4])
                .filter(Objects::nonNull)
                .map(id -> ((Number) id).longValue())
                .distinct()
                .toList();
        Map<Long, Post> posts = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (Post post : Post.<Post>list("id in ?1", postIds)) {
                posts.put(post.id, post);
            }
        }
        Map<Long, PostPreview> previews = PostPreview.of(postIds);
        Instant now = clock.instant();
        List<ChangeRow> rows = new ArrayList<>();
        for (Object[] row : found) {
            Long accountId = row[3] == null ? null : ((Number) row[3]).longValue();
            Long postId = row[4] == null ? null : ((Number) row[4]).longValue();
            Post post = postId == null ? null : posts.get(postId);
            ChangeKind kind = ChangeKind.of(EventType.valueOf((String) row[1])).orElseThrow();
            Instant detectedAt = instant(row[2]);
            Platform platform = row[6] == null ? null : Platform.valueOf((String) row[6]);
            rows.add(new ChangeRow(
                    ((Number) row[0]).longValue(),
                    kind,
                    detectedAt,
                    Moment.of(detectedAt, now),
                    accountId,
                    platform == null
                            ? "removed account " + accountId
                            : Wording.accountName(platform, (String) row[8], (String) row[7]),
                    platform == null ? null : PlatformBadge.of(platform),
                    (String) row[9],
                    post == null ? null : postId,
                    post == null ? (String) row[5] : post.url,
                    post == null ? null : post.publishedAt,
                    previews.getOrDefault(postId, PostPreview.NONE),
                    kind == ChangeKind.DELETED && post != null
                            ? DeletionWindow.of(post, now).orElse(null)
                            : null));
        }
        return rows;
    }

    /** Drivers hand TIMESTAMP WITH TIME ZONE back as different types. */
    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected time value " + value.getClass());
        };
    }
}
