package dev.afterimage.web.console;

import dev.afterimage.archive.NativeQuery;
import dev.afterimage.archive.NewestPosts;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                ? newestPage(accountId, filter, page)
                : Words.query(words)
                        .map(query -> matching(accountId, filter, query, page))
                        .orElse(List.of());
        boolean hasNext = posts.size() > PAGE_SIZE;
        List<Post> shown = hasNext ? posts.subList(0, PAGE_SIZE) : posts;
        return new Page(rows(shown), hasNext);
    }

    private static List<Post> newestPage(long accountId, PostFilter filter, int page) {
        return newest(accountId, filter).read((long) page * PAGE_SIZE, PAGE_SIZE + 1);
    }

    /** The account's posts the filter lists. */
    static NewestPosts newest(long accountId, PostFilter filter) {
        return switch (filter) {
            case ALL -> new NewestPosts(accountId, Optional.empty(), false);
            case LIVE -> new NewestPosts(accountId, Optional.of(PostState.LIVE), false);
            case DELETED -> new NewestPosts(accountId, Optional.of(PostState.DELETED), false);
            case EDITED -> new NewestPosts(accountId, Optional.empty(), true);
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
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        parameters.addAll(ordered);
        return Post.inOrder(new NativeQuery(sql.toString(), parameters).ids(Panache.getEntityManager()));
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
