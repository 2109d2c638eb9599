package dev.afterimage.web.console;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One page of an account's posts, filtered by state and by words in any archived version. Built so a page costs
 * about the same with 100 or 100,000 posts: the list walks an index in the order shown and stops after a page;
 * versions are read for that page only.
 */
@ApplicationScoped
class PostList {

    static final int PAGE_SIZE = 50;

    private final Clock clock;

    PostList(Clock clock) {
        this.clock = clock;
    }

    /** A page of posts, and whether there is a next one. */
    record Page(List<PostRow> rows, boolean hasNext) {}

    @Transactional
    Page find(long accountId, PostFilter filter, String words, int page) {
        List<Post> posts = words == null || words.isBlank()
                ? newest(accountId, filter, page)
                : Words.query(words)
                        .map(query -> matching(accountId, filter, query, page))
                        .orElse(List.of());
        boolean hasNext = posts.size() > PAGE_SIZE;
        List<Post> shown = hasNext ? posts.subList(0, PAGE_SIZE) : posts;
        return new Page(rows(shown), hasNext);
    }

    /**
     * Newest published first. The ids are read from an index alone, in its order, stopping after the page; the posts
     * are then loaded by id. The {@code ORDER BY} names the columns the {@code WHERE} fixes first: H2 credits an index
     * with the order only when the {@code ORDER BY} starts with the index's own first column, and otherwise prefers
     * the account's foreign-key index and sorts every post of the account (PostgreSQL drops the fixed columns itself).
     */
    private static List<Post> newest(long accountId, PostFilter filter, int page) {
        return load(newestIds(accountId, filter, page)
                .create(Panache.getEntityManager(), "")
                .getResultList());
    }

    /** The page's ids and one more, so the page knows whether a next one exists. */
    static NativeQuery newestIds(long accountId, PostFilter filter, int page) {
        String newest = "p.published_at DESC NULLS LAST, p.id DESC OFFSET " + page * PAGE_SIZE + " ROWS FETCH NEXT "
                + (PAGE_SIZE + 1) + " ROWS ONLY";
        return switch (filter) {
            case ALL ->
                new NativeQuery(
                        "SELECT p.id FROM post p WHERE p.account_id = ?1 ORDER BY p.account_id, " + newest,
                        List.of(accountId));
            case LIVE, DELETED ->
                new NativeQuery(
                        "SELECT p.id FROM post p WHERE p.account_id = ?1 AND p.state = ?2"
                                + " ORDER BY p.account_id, p.state, " + newest,
                        List.of(accountId, (filter == PostFilter.LIVE ? PostState.LIVE : PostState.DELETED).name()));
            case EDITED ->
                new NativeQuery(
                        "SELECT p.id FROM post p WHERE p.account_id = ?1"
                                + " AND (SELECT COUNT(*) FROM post_version v WHERE v.post_id = p.id) > 1"
                                + " ORDER BY p.account_id, " + newest,
                        List.of(accountId));
        };
    }

    /**
     * Posts holding every word in some archived version, newest archived first, from the word index: the longest
     * word (likely the rarest) leads, the others are checked per post.
     */
    private static List<Post> matching(long accountId, PostFilter filter, Set<String> words, int page) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> ordered = words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        StringBuilder sql =
                new StringBuilder("SELECT w.post_id FROM console_word w WHERE w.account_id = ?1 AND w.word = ?2");
        for (int i = 1; i < ordered.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM console_word o WHERE o.account_id = w.account_id AND o.word = ?")
                    .append(i + 2)
                    .append(" AND o.post_id = w.post_id)");
        }
        switch (filter) {
            case ALL -> {}
            case LIVE -> sql.append(" AND EXISTS (SELECT 1 FROM post p WHERE p.id = w.post_id AND p.state = 'LIVE')");
            case DELETED ->
                sql.append(" AND EXISTS (SELECT 1 FROM post p WHERE p.id = w.post_id AND p.state = 'DELETED')");
            case EDITED -> sql.append(" AND (SELECT COUNT(*) FROM post_version v WHERE v.post_id = w.post_id) > 1");
        }
        sql.append(" ORDER BY w.post_id DESC OFFSET ")
                .append(page * PAGE_SIZE)
                .append(" ROWS FETCH NEXT ")
                .append(PAGE_SIZE + 1)
                .append(" ROWS ONLY");
        var query = Panache.getEntityManager().createNativeQuery(sql.toString());
        query.setParameter(1, accountId);
        for (int i = 0; i < ordered.size(); i++) {
            query.setParameter(i + 2, ordered.get(i));
        }
        return load(query.getResultList());
    }

    /** The posts of these ids, in the order given. */
    private static List<Post> load(List<?> rows) {
        List<Long> ids = new ArrayList<>();
        for (Object id : rows) {
            ids.add(((Number) id).longValue());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> byId = new HashMap<>();
        for (Post post : Post.<Post>list("id in ?1", ids)) {
            byId.put(post.id, post);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<PostRow> rows(List<Post> posts) {
        Map<Long, PostPreview> previews =
                PostPreview.of(posts.stream().map(post -> post.id).toList());
        Instant now = clock.instant();
        List<PostRow> rows = new ArrayList<>();
        for (Post post : posts) {
            PostPreview preview = previews.get(post.id);
            rows.add(new PostRow(
                    post.id,
                    post.url,
                    post.platformPostId,
                    Moment.of(post.publishedAt, now),
                    post.state == PostState.DELETED,
                    preview.versions() > 1,
                    preview.snippet(),
                    preview.versions(),
                    preview));
        }
        return rows;
    }
}
