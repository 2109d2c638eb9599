package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.http.Exchange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fetch kept as evidence: the page a version was read from, or a media download; exported as WARC records. */
@Entity
@Table(name = "capture")
public class Capture extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "request_head", nullable = false)
    public String requestHead;

    @Column(name = "response_head", nullable = false)
    public String responseHead;

    @Column(name = "body_sha256", nullable = false)
    public String bodySha256;

    /** A page's body; null for media, whose body is the stored file {@link #bodySha256}. */
    public byte[] body;

    /**
     * Digests of the pages most recently archived from: a listing of 40,000 posts is one page of megabytes, hashed
     * once rather than once per post. Keyed by the fetch itself (a record whose body compares by identity).
     */
    private static final Map<PageCapture, String> RECENT_PAGE_DIGESTS =
            Collections.synchronizedMap(new RecentDigests());

    private static final class RecentDigests extends LinkedHashMap<PageCapture, String> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        RecentDigests() {
            super(8, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<PageCapture, String> eldest) {
            return size() > 4;
        }
    }
    /** The address the server answered from; null when not recorded. */
    @Column(name = "ip_address")
    public String ipAddress;

    /** e.g. {@code TLSv1.3}; null for plain http. */
    @Column(name = "tls_protocol")
    public String tlsProtocol;

    @Column(name = "tls_cipher_suite")
    public String tlsCipherSuite;

    /** The certificate chain the server presented, PEM, leaf first; null for plain http. */
    @Column(name = "tls_certificates")
    public String tlsCertificates;

    /** The capture of this page fetch, recorded once however many versions were read from it. */
    static Capture ofPage(PageCapture page) {
        String sha = RECENT_PAGE_DIGESTS.computeIfAbsent(page, fetched -> Sha256.of(fetched.body()));
        Capture existing = find(
                        "url = ?1 and fetchedAt = ?2 and bodySha256 = ?3",
                        page.url(),
                        page.exchange().at(),
                        sha)
                .firstResult();
        if (existing != null) {
            return existing;
        }
        Capture capture = of(page.url(), page.exchange(), sha);
        capture.body = page.body();
        capture.persist();
        return capture;
    }

    /** A media download; recorded under the URL actually fetched, so the WARC record matches its request. */
    static Capture ofMedia(Exchange exchange, String sha256) {
        Capture capture = of(exchange.url(), exchange, sha256);
        capture.persist();
        return capture;
    }

    public static List<Capture> ofMediaFile(String sha256) {
        return list("bodySha256 = ?1 and body is null order by fetchedAt", sha256);
    }

    private static Capture of(String url, Exchange exchange, String sha256) {
        Capture capture = new Capture();
        capture.url = url;
        capture.fetchedAt = exchange.at();
        capture.requestHead = exchange.requestHead();
        capture.responseHead = exchange.responseHead();
        capture.bodySha256 = sha256;
        capture.ipAddress = exchange.ipAddress();
        if (exchange.tls() != null) {
            capture.tlsProtocol = exchange.tls().protocol();
            capture.tlsCipherSuite = exchange.tls().cipherSuite();
            capture.tlsCertificates = exchange.tls().certificateChainPem();
        }
        return capture;
    }
}
