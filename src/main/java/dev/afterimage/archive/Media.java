package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A media file, stored once by the SHA-256 of its bytes however many posts show it. */
@Entity
@Table(name = "media")
public class Media extends PanacheEntityBase {

    @Id
    public String sha256;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    public Integer width;

    public Integer height;

    /** 64-bit dHash of an image, to tell a re-encode from a different picture; null for non-images. */
    @Column(name = "perceptual_hash")
    public Long perceptualHash;

    /** PDQ hash in hex; null for non-images and for images archived before PDQ until the backfill hashes them. */
    @Column(name = "pdq_hash")
    public String pdqHash;

    /** PDQ's quality of the image, 0–100; below 50 it is too flat to match on. */
    @Column(name = "pdq_quality")
    public Integer pdqQuality;
    /** Why the picture has no dHash although it is one, e.g. its header announced more pixels than the budget. */
    @Column(name = "image_note")
    public String imageNote;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;
}
