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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A URL a media file was downloaded from. Looking URLs up here saves downloading the same file at every
 * poll; the URL is indexed by its hash because CDN URLs are too long for a plain index.
 */
@Entity
@Table(name = "media_source")
public class MediaOrigin extends PanacheEntityBase {

    /** URLs looked up per query: a page's worth, well under any database's limit on parameters. */
    private static final int LOOKUP_CHUNK = 500;

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

    /** The files downloaded from each of these URLs, by URL; a URL never downloaded is absent. */
    public static Map<String, String> mediaFor(Collection<String> urls) {
        Map<String, String> files = new HashMap<>();
        Set<String> wanted = Set.copyOf(urls);
        List<String> hashes = wanted.stream().map(Sha256::ofText).toList();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK));
            for (MediaOrigin origin : MediaOrigin.<MediaOrigin>list("urlSha256 in ?1", chunk)) {
                if (wanted.contains(origin.url)) {
                    files.putIfAbsent(origin.url, origin.mediaSha256);
                }
            }
        }
        return files;
    }

    public static Optional<String> mediaFor(String url) {
        return find("urlSha256 = ?1 and url = ?2", Sha256.ofText(url), url)
                .firstResultOptional()
                .map(source -> ((MediaOrigin) source).mediaSha256);
    }
}
