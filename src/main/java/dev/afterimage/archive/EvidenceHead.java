package dev.afterimage.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest entry of the evidence chain; see {@link EvidenceChain}. */
@Entity
@Table(name = "evidence_head")
class EvidenceHead {

    static final String CHAIN = "chain";

    @Id
    String name;

    @Column(name = "last_seq", nullable = false)
    long lastSeq;

    @Column(name = "last_hash", nullable = false)
    String lastHash;
}
