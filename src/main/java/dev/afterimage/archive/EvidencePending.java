package dev.afterimage.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry written with what it vouches for, waiting to be chained; see {@link EvidenceChain#seal()}. */
@Entity
@Table(name = "evidence_pending")
class EvidencePending {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    EvidenceEntry.Kind kind;

    @Column(name = "record_ref", nullable = false)
    String recordRef;

    @Column(name = "record_hash", nullable = false)
    String recordHash;
}
