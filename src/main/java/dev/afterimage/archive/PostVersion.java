package dev.afterimage.archive;

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
 * One distinct content of a post, with the bytes it was read from. Written once; the one later change is filling
 * in a media download that failed when it was archived, which also re-hashes it (an event raised before that names
 * the hash as it then was).
 */
@Entity
@Table(name = "post_version")
public class PostVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public Long postId;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "text_plain", nullable = false)
    public String text;

    /** Sanitised HTML of the text, safe to render. */
    @Column(name = "text_html", nullable = false)
    public String html;

    @Column(name = "edited_marker", nullable = false)
    public boolean editedMarker;

    /** JSON of everything else the post showed: link preview, attachments, forwarded-from, reply-to, views, reactions. */
    @Column(name = "details_json", nullable = false)
    public String detailsJson;

    /** SHA-256 of the normalised content; volatile counters excluded. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The post's markup exactly as received. */
    @Column(name = "raw_fragment", nullable = false)
    public byte[] rawFragment;

    @Column(name = "raw_sha256", nullable = false)
    public String rawSha256;

    /** The page it was read from, kept as evidence; null when the source kept none. */
    @Column(name = "capture_id")
    public Long captureId;

    /** When the platform says this version was made (an edit's time), where it says so. */
    @Column(name = "platform_version_at")
    public Instant platformVersionAt;

    /** SHA-256 of the normalised text: the same statement posted on another platform has the same. */
    @Column(name = "text_sha256")
    public String textSha256;

    /** The URL the fragment was fetched from. */
    @Column(name = "source_url", nullable = false)
    public String sourceUrl;

    public static List<PostVersion> ofPost(long postId) {
        return list("postId = ?1 order by observedAt, id", postId);
    }

    public static Optional<PostVersion> newestOf(long postId) {
        return find("postId = ?1 order by observedAt desc, id desc", postId).firstResultOptional();
    }
}
