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
        /** A post version: its post, when it was seen, its raw bytes' hash, text, details and the page it came from. */
        VERSION,
        /** A media file: its SHA-256 and size. */
        MEDIA,
        /** Which media a version shows, in order; appended again when a download owed is filled in. */
        MEDIA_LINKS,
        /** A post confirmed deleted: when, and the hash of the permalink answer that proved it. */
        DELETION,
        /** A post reported deleted that came back. */
        RESTORATION
    }

    @Id
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The version id (VERSION, MEDIA_LINKS), the media SHA-256 (MEDIA), or the post id (DELETION, RESTORATION). */
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
