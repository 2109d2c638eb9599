package dev.afterimage.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Something Afterimage detected, in the order it was detected. Written once, never changed. */
@Entity
@Table(name = "event")
public class EventRecord extends PanacheEntityBase {

    /** Strictly increasing in commit order: see {@link EventLog}. */
    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventType type;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "post_id")
    public Long postId;

    /** The canonical URL of the post, kept here so the event stays meaningful if the post is purged. */
    @Column(name = "post_url")
    public String postUrl;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    /** JSON object; its fields depend on the type (see docs/architecture.md). */
    @Column(nullable = false)
    public String details;

    public static List<EventRecord> after(long afterId, Long accountId, int limit) {
        if (accountId == null) {
            return find("id > ?1 order by id", afterId).page(0, limit).list();
        }
        return find("id > ?1 and accountId = ?2 order by id", afterId, accountId)
                .page(0, limit)
                .list();
    }

    public static List<EventRecord> ofPost(long postId) {
        return list("postId = ?1 order by id", postId);
    }
}
