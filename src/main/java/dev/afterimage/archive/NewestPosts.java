package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account's posts, newest published first: all, those in one state, or those edited. Built so a page costs about
 * the same with 100 or 100,000 posts: the ids are read from an index alone, in its order, stopping after the page,
 * and the posts are then loaded by id.
 *
 * <p>The {@code ORDER BY} names the columns the {@code WHERE} fixes first. H2 credits an index with a query's order
 * only when the {@code ORDER BY} starts with the index's own first column; otherwise it prefers the account's
 * foreign-key index and sorts every post of the account (PostgreSQL drops the fixed columns itself).
 *
 * @param state only posts in this state, read from the (account, state, published, id) index
 * @param editedOnly only posts with more than one version
 */
public record NewestPosts(long accountId, Optional<PostState> state, boolean editedOnly) {

    /** The query of the ids from {@code offset} on, at most {@code limit}. */
    public NativeQuery ids(long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT p.id FROM post p WHERE p.account_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        state.ifPresent(wanted -> {
            sql.append(" AND p.state = ?2");
            parameters.add(wanted.name());
        });
        if (editedOnly) {
            sql.append(" AND (SELECT COUNT(*) FROM post_version v WHERE v.post_id = p.id) > 1");
        }
        sql.append(" ORDER BY p.account_id, ")
                .append(state.isPresent() ? "p.state, " : "")
                .append("p.published_at DESC NULLS LAST, p.id DESC OFFSET ")
                .append(offset)
                .append(" ROWS FETCH NEXT ")
                .append(limit)
                .append(" ROWS ONLY");
        return new NativeQuery(sql.toString(), parameters);
    }

    /** The posts from {@code offset} on, at most {@code limit}, newest first. */
    public List<Post> read(long offset, int limit) {
        return Post.inOrder(ids(offset, limit).ids(Panache.getEntityManager()));
    }
}
