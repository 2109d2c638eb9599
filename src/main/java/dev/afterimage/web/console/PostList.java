package dev.afterimage.web.console;

import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of an account's posts, newest first, filtered by state and by words in any archived version. Built so a
 * page costs the same with 100 or 100,000 posts: the list walks the account's (account, published) index and stops
 * after a page; versions are read for that page only.
 */
@ApplicationScoped
class PostList {

    static final int PAGE_SIZE = 50;

    /** Enough to recognise a post in a list; the post page has the whole text. */
    private static final int SNIPPET_LENGTH = 280;

    private final Clock clock;

    PostList(Clock clock) {
        this.clock = clock;
    }

    /** A page of posts, and whether there is a next one. */
    record Page(List<PostRow> rows, boolean hasNext) {}

    @Transactional
    Page find(long accountId, PostFilter filter, String words, int page) {
        StringBuilder query = new StringBuilder("from Post p where p.accountId = :account");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("account", accountId);
        switch (filter) {
            case ALL -> {}
            case LIVE -> {
                query.append(" and p.state = :state");
                parameters.put("state", PostState.LIVE);
            }
            case DELETED -> {
                query.append(" and p.state = :state");
                parameters.put("state", PostState.DELETED);
            }
            case EDITED -> query.append(" and (select count(v) from PostVersion v where v.postId = p.id) > 1");
        }
        if (words != null && !words.isBlank()) {
            query.append(" and exists (select 1 from PostVersion v where v.postId = p.id"
                    + " and lower(v.text) like :words escape '!')");
            parameters.put("words", "%" + escapeLike(words.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        query.append(" order by p.publishedAt desc nulls last, p.id desc");
        List<Post> posts = Post.<Post>find(query.toString(), parameters)
                .range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE)
                .list();
        boolean hasNext = posts.size() > PAGE_SIZE;
        List<Post> shown = hasNext ? posts.subList(0, PAGE_SIZE) : posts;
        return new Page(rows(shown), hasNext);
    }

    private List<PostRow> rows(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> newestText = new HashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        List<Object[]> texts = Panache.getEntityManager()
                .createQuery(
                        "select v.postId, v.text from PostVersion v where v.postId in :ids order by v.observedAt, v.id",
                        Object[].class)
                .setParameter("ids", posts.stream().map(post -> post.id).toList())
                .getResultList();
        for (Object[] row : texts) {
            newestText.put((Long) row[0], (String) row[1]);
            versions.merge((Long) row[0], 1, Integer::sum);
        }
        Instant now = clock.instant();
        List<PostRow> rows = new ArrayList<>();
        for (Post post : posts) {
            int count = versions.getOrDefault(post.id, 0);
            rows.add(new PostRow(
                    post.id,
                    post.url,
                    post.platformPostId,
                    Moment.of(post.publishedAt, now),
                    post.state == PostState.DELETED,
                    count > 1,
                    snippet(newestText.getOrDefault(post.id, "")),
                    count));
        }
        return rows;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH - 1) + "…";
    }

    /** The user's words match literally: % and _ are not wildcards here. */
    static String escapeLike(String words) {
        return words.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
