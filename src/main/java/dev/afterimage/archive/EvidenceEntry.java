package dev.afterimage.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the evidence chain. Written once; verification recomputes every field from what it covers. */
@Entity
@Table(name = "evidence_entry")
public class EvidenceEntry extends PanacheEntityBase {

    /** What an entry vouches for. */
    public enum Kind {
        /** A post version: its id, observation time, raw bytes' hash and text. */
        VERSION,
        /** A media file: its SHA-256 and size. */
        MEDIA
    }

    @Id
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The version id, or the media SHA-256. */
    @Column(name = "record_ref", nullable = false)
    public String recordRef;

    @Column(name = "record_hash", nullable = false)
    public String recordHash;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    @Column(name = "appended_at", nullable = false)
    public Instant appendedAt;
}
