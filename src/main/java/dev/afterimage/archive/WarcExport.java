package dev.afterimage.archive;

import dev.afterimage.InstanceConfig;
import dev.afterimage.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes the fetches behind archived posts as a gzipped WARC 1.1 (ISO 28500): first a {@code warcinfo} record naming
 * the software, the instance and its operator; then for each kept page and media download a {@code response} record
 * (HTTP head and the body as kept, with the server's address), the {@code request} record that went with it and, for
 * https, a {@code metadata} record with the TLS session and the server's certificate chain. Every record carries
 * {@code sha256:<hex>} block and payload digests, the form jwarc's validator and Webrecorder's warcio both recompute
 * and compare equal, so any WARC tool can replay or verify the file without Afterimage.
 */
@ApplicationScoped
public class WarcExport {

    /** Certificate chains are written as PEM, the form {@code openssl x509} and browsers read. */
    private static final MediaType PEM = MediaType.parse("application/x-pem-file");

    private final MediaStore store;
    private final ArchiveConfig config;
    private final String publicUrl;
    private final String softwareVersion;

    public WarcExport(MediaStore store, ArchiveConfig config, InstanceConfig instance, Config quarkus) {
        this.store = store;
        this.config = config;
        this.publicUrl = instance.publicUrl();
        this.softwareVersion = quarkus.getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
    }

    /** Every capture behind one post's versions and media. */
    public void writePost(long postId, OutputStream out) throws IOException {
        writePosts(List.of(postId), out);
    }

    /** Every capture behind all archived posts of one account. */
    public void writeAccount(long accountId, OutputStream out) throws IOException {
        List<Long> posts = QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager()
                .createQuery("select p.id from Post p where p.accountId = ?1 order by p.id", Long.class)
                .setParameter(1, accountId)
                .getResultList());
        writePosts(posts, out);
    }

    /**
     * Every capture behind these posts, in this order; what an evidence package archives. Posts are read a batch at a
     * time and their captures loaded a batch at a time, each in a short transaction, and written out before the next:
     * an account of any size costs the memory of one batch, and a slow reader never holds a transaction open for long.
     */
    public void writePosts(List<Long> postIds, OutputStream out) throws IOException {
        WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
        URI warcinfo = writeWarcinfo(writer);
        int batch = config.readBatchSize();
        Set<Long> written = new HashSet<>();
        for (int from = 0; from < postIds.size(); from += batch) {
            List<Long> posts = postIds.subList(from, Math.min(postIds.size(), from + batch));
            List<Long> captures = QuarkusTransaction.requiringNew().call(() -> captureIdsOf(posts)).stream()
                    .filter(written::add)
                    .toList();
            for (int at = 0; at < captures.size(); at += batch) {
                List<Long> ids = captures.subList(at, Math.min(captures.size(), at + batch));
                for (Capture capture : QuarkusTransaction.requiringNew().call(() -> loaded(ids))) {
                    write(writer, capture, warcinfo);
                }
            }
        }
        out.flush();
    }

    /** The captures behind these posts, in the order of the posts, each once. */
    private static Set<Long> captureIdsOf(List<Long> postIds) {
        Set<Long> captures = new LinkedHashSet<>();
        for (Long postId : postIds) {
            Post post = Post.findById(postId);
            for (PostVersion version : PostVersion.ofPost(postId)) {
                if (version.captureId != null) {
                    captures.add(version.captureId);
                }
                for (VersionMedia link : VersionMedia.ofVersion(version.id)) {
                    if (link.mediaSha256 == null) {
                        continue;
                    }
                    List<Capture> downloads = Capture.ofMediaFile(link.mediaSha256);
                    downloads.stream()
                            .filter(capture -> capture.url.equals(link.sourceUrl))
                            .findFirst()
                            .or(() -> downloads.stream().findFirst())
                            .ifPresent(capture -> captures.add(capture.id));
                }
            }
            if (post.deletionCaptureId != null) {
                captures.add(post.deletionCaptureId);
            }
        }
        return captures;
    }

    /** The captures by id, in the given order, detached from the transaction that read them. */
    private static List<Capture> loaded(List<Long> ids) {
        Map<Long, Capture> byId = new HashMap<>();
        Capture.<Capture>list("id in ?1", ids).forEach(capture -> byId.put(capture.id, capture));
        Capture.getEntityManager().clear();
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private URI writeWarcinfo(WarcWriter writer) throws IOException {
        byte[] info = warcinfoFields();
        Warcinfo warcinfo = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .setHeader("WARC-Block-Digest", digest(Sha256.of(info)))
                .body(MediaType.parse("application/warc-fields"), info)
                .build();
        writer.write(warcinfo);
        return warcinfo.id();
    }

    private void write(WarcWriter writer, Capture capture, URI warcinfoId) throws IOException {
        URI responseId = writeResponse(writer, capture, warcinfoId);
        byte[] requestHead = capture.requestHead.getBytes(StandardCharsets.UTF_8);
        writer.write(new WarcRequest.Builder(URI.create(capture.url))
                .version(MessageVersion.WARC_1_1)
                .date(capture.fetchedAt)
                .warcinfoId(warcinfoId)
                .concurrentTo(responseId)
                .setHeader("WARC-Block-Digest", digest(Sha256.of(requestHead)))
                .setHeader("WARC-Payload-Digest", digest(Sha256.of(new byte[0])))
                .body(MediaType.HTTP_REQUEST, requestHead)
                .build());
        if (capture.tlsCertificates != null) {
            byte[] chain = capture.tlsCertificates.getBytes(StandardCharsets.US_ASCII);
            writer.write(new WarcMetadata.Builder()
                    .version(MessageVersion.WARC_1_1)
                    .targetURI(URI.create(capture.url))
                    .date(capture.fetchedAt)
                    .warcinfoId(warcinfoId)
                    .concurrentTo(responseId)
                    .addHeader("WARC-Protocol", warcProtocol(capture.tlsProtocol))
                    .addHeader("WARC-Cipher-Suite", capture.tlsCipherSuite)
                    .setHeader("WARC-Block-Digest", digest(Sha256.of(chain)))
                    .body(PEM, chain)
                    .build());
        }
    }

    /** Writes the response record of one capture and returns its record id. */
    private URI writeResponse(WarcWriter writer, Capture capture, URI warcinfoId) throws IOException {
        byte[] head = capture.responseHead.getBytes(StandardCharsets.UTF_8);
        long bodyLength;
        String blockDigest;
        InputStream body;
        if (capture.body != null) {
            bodyLength = capture.body.length;
            blockDigest = sha256(head, new ByteArrayInputStream(capture.body));
            body = new ByteArrayInputStream(capture.body);
        } else {
            Path file = store.locate(capture.bodySha256)
                    .orElseThrow(() -> new IOException(
                            "media " + capture.bodySha256 + " is missing from the store; run GET /api/verify"));
            bodyLength = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                blockDigest = sha256(head, in);
            }
            body = Files.newInputStream(file);
        }
        try (InputStream message = new SequenceInputStream(new ByteArrayInputStream(head), body)) {
            WarcResponse.Builder response = new WarcResponse.Builder(URI.create(capture.url))
                    .date(capture.fetchedAt)
                    .version(MessageVersion.WARC_1_1)
                    .warcinfoId(warcinfoId)
                    .setHeader("WARC-Block-Digest", digest(blockDigest))
                    .setHeader("WARC-Payload-Digest", digest(capture.bodySha256))
                    .addHeader("WARC-Protocol", "http/1.1");
            if (capture.ipAddress != null) {
                // An IP literal: getByName parses it without asking DNS.
                response.ipAddress(InetAddress.getByName(capture.ipAddress));
            }
            if (capture.tlsProtocol != null) {
                response.addHeader("WARC-Protocol", warcProtocol(capture.tlsProtocol));
            }
            if (capture.tlsCipherSuite != null) {
                response.addHeader("WARC-Cipher-Suite", capture.tlsCipherSuite);
            }
            WarcResponse record = response.body(
                            MediaType.HTTP_RESPONSE, Channels.newChannel(message), head.length + bodyLength)
                    .build();
            writer.write(record);
            return record.id();
        }
    }

    private byte[] warcinfoFields() {
        StringBuilder fields = new StringBuilder()
                .append("software: Afterimage/")
                .append(softwareVersion)
                .append(" (+https://afterimage.dev)\r\n")
                .append("format: WARC File Format 1.1\r\n")
                .append(
                        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n")
                .append("isPartOf: ")
                .append(publicUrl)
                .append("\r\n");
        // One line per field: a line break in the note would start a field of its own.
        config.operatorNote()
                .map(note -> note.replaceAll("\\s+", " ").strip())
                .filter(note -> !note.isEmpty())
                .ifPresent(note -> fields.append("operator: ").append(note).append("\r\n"));
        return fields.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The WARC-Protocol name of a JDK TLS protocol name: {@code TLSv1.3} is {@code tls/1.3}. */
    static String warcProtocol(String jdkName) {
        return jdkName.startsWith("TLSv") ? "tls/" + jdkName.substring(4) : jdkName.toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code sha256:<hex>} form of a digest. jwarc's own digest setters re-encode to padded base32, which its
     * validator then flags as malformed; hex is what warcio writes and both recompute equal.
     */
    private static String digest(String hex) {
        return "sha256:" + hex;
    }

    private static String sha256(byte[] head, InputStream body) throws IOException {
        MessageDigest digest = Sha256.digest();
        digest.update(head);
        byte[] buffer = new byte[64 * 1024];
        for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return Sha256.hex(digest);
    }
}
