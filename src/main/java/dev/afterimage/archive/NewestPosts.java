package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Posts newest published first, of one account or of every one: all, those in one state, or those edited. Built so a
 * page costs about the same with 100 or 1,000,000 posts: the ids are read from an index in its order, stopping after
 * the page, and the posts are then loaded by id.
 *
 * <p>The {@code ORDER BY} names the columns the {@code WHERE} fixes first. H2 credits an index with a query's order
 * only when the {@code ORDER BY} starts with the index's own first column; otherwise it prefers the account's
 * foreign-key index and sorts every post of the account (PostgreSQL drops the fixed columns itself).
 *
 * @param accountId the account, or empty for every account
 * @param state only posts in this state, read from the (account, state, published, id) or (state, published, id)
 *     index
 * @param editedOnly only posts with more than one version
 */
public record NewestPosts(OptionalLong accountId, Optional<PostState> state, boolean editedOnly) {

    /** One account's posts. */
    public NewestPosts(long accountId, Optional<PostState> state, boolean editedOnly) {
        this(OptionalLong.of(accountId), state, editedOnly);
    }

    /** The query of the ids from {@code offset} on, at most {@code limit}. */
    public NativeQuery ids(long offset, int limit) {
        List<String> where = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        accountId.ifPresent(account -> {
            parameters.add(account);
            where.add("p.account_id = ?" + parameters.size());
            order.add("p.account_id");
        });
        state.ifPresent(wanted -> {
            parameters.add(wanted.name());
            where.add("p.state = ?" + parameters.size());
            order.add("p.state");
        });
        if (editedOnly) {
            where.add("(SELECT COUNT(*) FROM post_version v WHERE v.post_id = p.id) > 1");
        }
        order.add("p.published_at DESC NULLS LAST");
        order.add("p.id DESC");
        StringBuilder sql = new StringBuilder("SELECT p.id FROM post p");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ")
                .append(String.join(", ", order))
                .append(" OFFSET ")
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
