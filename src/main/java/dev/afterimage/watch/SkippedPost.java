package dev.afterimage.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A post of an account that polls keep seeing and cannot archive, with the latest reason; see {@link PostSkip}. */
@Entity
@Table(name = "skipped_post")
public class SkippedPost extends PanacheEntityBase {

    /** {@code skipped_post.reason} is VARCHAR(1000). */
    private static final int MAX_REASON_CHARS = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "platform_post_id", nullable = false)
    public String platformPostId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "first_skipped_at", nullable = false)
    public Instant firstSkippedAt;

    @Column(name = "last_skipped_at", nullable = false)
    public Instant lastSkippedAt;

    /** How many polls skipped it. */
    @Column(nullable = false)
    public long times;

    /** The account's skipped posts, most recently skipped first. */
    public static List<SkippedPost> ofAccount(long accountId, int limit) {
        return find("accountId = ?1 order by lastSkippedAt desc, id desc", accountId)
                .page(0, limit)
                .list();
    }

    static void record(long accountId, PostSkip skip, Instant now) {
        SkippedPost row = SkippedPost.<SkippedPost>find(
                        "accountId = ?1 and platformPostId = ?2", accountId, skip.platformPostId())
                .firstResult();
        if (row == null) {
            row = new SkippedPost();
            row.accountId = accountId;
            row.platformPostId = skip.platformPostId();
            row.firstSkippedAt = now;
        }
        row.reason = skip.reason().length() <= MAX_REASON_CHARS
                ? skip.reason()
                : skip.reason().substring(0, MAX_REASON_CHARS - 3) + "...";
        row.lastSkippedAt = now;
        row.times++;
        row.persist();
    }
}
