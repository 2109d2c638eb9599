package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A media URL whose download failed: when it may be tried again, and whether the source said it is gone. */
@Entity
@Table(name = "media_attempt")
public class MediaAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "url_sha256")
    public String urlSha256;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "first_failed_at", nullable = false)
    public Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    public Instant lastFailedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_reason", nullable = false)
    public String lastReason;

    /** When the source answered 404 or 410 for it: gone at source. */
    @Column(name = "gone_at")
    public Instant goneAt;

    @Column(name = "gone_status")
    public Integer goneStatus;
}
