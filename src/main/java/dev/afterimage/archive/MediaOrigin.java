package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A URL a media file was downloaded from. Looking URLs up here saves downloading the same file at every
 * poll; the URL is indexed by its hash because CDN URLs are too long for a plain index.
 */
@Entity
@Table(name = "media_source")
public class MediaOrigin extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "media_sha256", nullable = false)
    public String mediaSha256;

    @Column(name = "url_sha256", nullable = false)
    public String urlSha256;

    @Column(nullable = false)
    public String url;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    public static Optional<String> mediaFor(String url) {
        return find("urlSha256 = ?1 and url = ?2", Sha256.ofText(url), url)
                .firstResultOptional()
                .map(source -> ((MediaOrigin) source).mediaSha256);
    }
}
