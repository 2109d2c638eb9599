package dev.afterimage.evidence;

import dev.afterimage.hash.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

/**
 * What a package's WARC holds, read back from the file written: the CDXJ index replay tools look records up in,
 * and the network facts (server address, TLS certificates) recorded beside each response.
 */
final class WarcIndex {

    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----");

    private final String cdxj;
    private final Map<Key, Provenance.CaptureFacts> network;

    private WarcIndex(String cdxj, Map<Key, Provenance.CaptureFacts> network) {
        this.cdxj = cdxj;
        this.network = network;
    }

    /** A response by what the archive also knows it by: its URL and fetch time, to the second (WARC-Date's unit). */
    private record Key(String url, Instant at) {
        static Key of(String url, Instant at) {
            return new Key(url, at.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    static WarcIndex of(Path warc) throws IOException {
        StringWriter lines = new StringWriter();
        try (CdxWriter writer = new CdxWriter(lines)) {
            writer.setFormat(CdxFormat.CDXJ);
            writer.setSort(true);
            writer.process(List.of(warc), false);
        }
        Map<URI, WarcResponse> responses = new HashMap<>();
        Map<URI, List<Provenance.CertificateFacts>> certificates = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    responses.put(response.id(), response);
                } else if (record instanceof WarcMetadata metadata
                        && !metadata.concurrentTo().isEmpty()) {
                    String body = new String(metadata.body().stream().readAllBytes(), StandardCharsets.US_ASCII);
                    List<Provenance.CertificateFacts> chain = certificates(body);
                    if (!chain.isEmpty()) {
                        metadata.concurrentTo().forEach(id -> certificates.put(id, chain));
                    }
                }
            }
        }
        Map<Key, Provenance.CaptureFacts> network = new HashMap<>();
        for (WarcResponse response : responses.values()) {
            String ip = response.headers().first("WARC-IP-Address").orElse(null);
            network.put(
                    Key.of(response.target(), response.date()),
                    new Provenance.CaptureFacts(
                            response.target(),
                            response.date().toString(),
                            null,
                            ip,
                            certificates.getOrDefault(response.id(), List.of())));
        }
        return new WarcIndex(lines.toString(), network);
    }

    String cdxj() {
        return cdxj;
    }

    /** The server address and certificates recorded with the response to this fetch, where the WARC has them. */
    Optional<Provenance.CaptureFacts> networkOf(String url, Instant fetchedAt) {
        return Optional.ofNullable(network.get(Key.of(url, fetchedAt)));
    }

    private static List<Provenance.CertificateFacts> certificates(String text) {
        List<Provenance.CertificateFacts> chain = new ArrayList<>();
        Matcher matcher = CERTIFICATE.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (matcher.find()) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
                X509Certificate certificate =
                        (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
                chain.add(new Provenance.CertificateFacts(
                        certificate.getSubjectX500Principal().getName(),
                        certificate.getIssuerX500Principal().getName(),
                        Sha256.of(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            // A metadata record that is not a certificate chain says nothing about the server: no facts from it.
            return List.of();
        }
        return chain;
    }
}
