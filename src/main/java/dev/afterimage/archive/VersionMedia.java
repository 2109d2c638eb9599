package dev.afterimage.archive;

import dev.afterimage.source.MediaKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One media item of a version, at its position. A null hash marks a download still owed. */
@Entity
@Table(name = "version_media")
public class VersionMedia extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id", nullable = false)
    public Long versionId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediaKind kind;

    @Column(name = "media_sha256")
    public String mediaSha256;

    @Column(name = "source_url", nullable = false)
    public String sourceUrl;

    public static List<VersionMedia> ofVersion(long versionId) {
        return list("versionId = ?1 order by position", versionId);
    }
}
