package dev.afterimage.evidence.stamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verified RFC 3161 time stamp on the evidence chain's head: the authority's signed statement that the head hash
 * existed at {@link #genTime}, and so every entry up to {@link #headSeq}. Kept byte for byte as received.
 */
@Entity
@Table(name = "evidence_timestamp")
public class TimeStamp extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "head_seq", nullable = false)
    public long headSeq;

    /** The hash that was stamped (the head entry's hash), lower-case hex. */
    @Column(nullable = false)
    public String digest;

    @Column(name = "tsa_url", nullable = false)
    public String tsaUrl;

    /** When the authority says it signed. */
    @Column(name = "gen_time", nullable = false)
    public Instant genTime;

    /** The DER TimeStampResp exactly as the authority sent it. */
    @Column(nullable = false)
    public byte[] response;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The newest stamp from {@code tsaUrl}, if it ever answered. */
    static Optional<TimeStamp> newestFrom(String tsaUrl) {
        return find("tsaUrl = ?1 order by headSeq desc", tsaUrl).firstResultOptional();
    }

    /** The newest stamp from any authority. */
    static Optional<TimeStamp> newest() {
        return find("order by headSeq desc, genTime").firstResultOptional();
    }

    /** Per authority, the first stamp whose head is at or after entry {@code seq}: the ones that date it. */
    static List<TimeStamp> covering(long seq) {
        return list(
                "from TimeStamp s where s.headSeq = (select min(t.headSeq) from TimeStamp t"
                        + " where t.tsaUrl = s.tsaUrl and t.headSeq >= ?1) order by s.headSeq, s.tsaUrl",
                seq);
    }
}
