package dev.afterimage.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes the fetches behind archived posts as a gzipped WARC (ISO 28500): for each kept page and media download a
 * {@code response} record (HTTP head and the body as kept, with its {@code WARC-Payload-Digest}) and the
 * {@code request} record that went with it. Any WARC tool can replay or verify the file without Afterimage.
 */
@ApplicationScoped
public class WarcExport {

    private final MediaStore store;

    public WarcExport(MediaStore store) {
        this.store = store;
    }

    /** Every capture behind one post's versions and media. */
    @Transactional
    public void writePost(long postId, OutputStream out) throws IOException {
        write(capturesOf(List.of(postId)), out);
    }

    /** Every capture behind all archived posts of one account. */
    @Transactional
    public void writeAccount(long accountId, OutputStream out) throws IOException {
        List<Long> posts = Post.<Post>list("accountId = ?1 order by id", accountId).stream()
                .map(post -> post.id)
                .toList();
        write(capturesOf(posts), out);
    }

    /** Every capture behind these posts, in this order; what an evidence package archives. */
    @Transactional
    public void writePosts(List<Long> postIds, OutputStream out) throws IOException {
        write(capturesOf(postIds), out);
    }

    private static Map<Long, Capture> capturesOf(List<Long> postIds) {
        Map<Long, Capture> captures = new LinkedHashMap<>();
        for (Long postId : postIds) {
            Post post = Post.findById(postId);
            for (PostVersion version : PostVersion.ofPost(postId)) {
                if (version.captureId != null) {
                    captures.computeIfAbsent(version.captureId, id -> Capture.findById(id));
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
                            .ifPresent(capture -> captures.putIfAbsent(capture.id, capture));
                }
            }
            if (post.deletionCaptureId != null) {
                captures.computeIfAbsent(post.deletionCaptureId, id -> Capture.findById(id));
            }
        }
        return captures;
    }

    private void write(Map<Long, Capture> captures, OutputStream out) throws IOException {
        WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
        for (Capture capture : captures.values()) {
            URI target = URI.create(capture.url);
            byte[] head = capture.responseHead.getBytes(StandardCharsets.UTF_8);
            long bodyLength;
            InputStream body;
            if (capture.body != null) {
                bodyLength = capture.body.length;
                body = new ByteArrayInputStream(capture.body);
            } else {
                Path file = store.locate(capture.bodySha256)
                        .orElseThrow(() -> new IOException(
                                "media " + capture.bodySha256 + " is missing from the store; run GET /api/verify"));
                bodyLength = Files.size(file);
                body = Files.newInputStream(file);
            }
            try (InputStream message = new SequenceInputStream(new ByteArrayInputStream(head), body)) {
                WarcResponse response = new WarcResponse.Builder(target)
                        .date(capture.fetchedAt)
                        .version(MessageVersion.WARC_1_1)
                        // Base32 without padding, the form WARC validators expect.
                        .payloadDigest(
                                "sha256",
                                new WarcDigest("sha256", HexFormat.of().parseHex(capture.bodySha256))
                                        .base32()
                                        .replace("=", ""))
                        .body(MediaType.HTTP_RESPONSE, Channels.newChannel(message), head.length + bodyLength)
                        .build();
                writer.write(response);
                writer.write(new WarcRequest.Builder(target)
                        .version(MessageVersion.WARC_1_1)
                        .date(capture.fetchedAt)
                        .concurrentTo(response.id())
                        .body(MediaType.HTTP_REQUEST, capture.requestHead.getBytes(StandardCharsets.UTF_8))
                        .build());
            }
        }
        out.flush();
    }
}
