package dev.afterimage.match;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One picture of a {@link ReferenceSet}: an uploaded image, an image of an uploaded zip, or a frame of an uploaded
 * video (named {@code <file>#t=<seconds>}). Its bytes are in the media store, addressed by SHA-256.
 */
@Entity
@Table(name = "reference_image")
public class ReferenceImage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_id", nullable = false)
    public Long setId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "pdq_hash", nullable = false)
    public String pdqHash;

    @Column(name = "pdq_quality", nullable = false)
    public int pdqQuality;

    public static List<ReferenceImage> ofSet(long setId) {
        return list("setId = ?1 order by id", setId);
    }
}
