package dev.afterimage.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One try at sending a delivery, as its log shows it. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public Long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The receiver's status code; null when no answer came (timeout, refused). */
    @Column(name = "status_code")
    public Integer statusCode;

    /** The start of the receiver's answer. */
    @Column(name = "response_snippet")
    public String responseSnippet;

    @Column
    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    public static List<DeliveryAttempt> of(long deliveryId) {
        return list("deliveryId = ?1 order by id", deliveryId);
    }
}
