package dev.afterimage.web.console;

import dev.afterimage.archive.Capture;
import java.time.Instant;

/**
 * The platform's own answer that proved a post deleted, as kept: what was asked, what came back, from where.
 *
 * @param status the response's status line, e.g. "HTTP/1.1 404 Not Found"
 * @param bodyUrl the answer's body, served inert, or null when none was kept
 */
public record DeletionProof(
        long postId,
        String postUrl,
        String url,
        Moment fetched,
        String status,
        String requestHead,
        String responseHead,
        String bodySha256,
        int bodyBytes,
        String bodyUrl,
        String ipAddress,
        String tls,
        String warcUrl) {

    static DeletionProof of(long postId, String postUrl, Capture capture, Instant now) {
        String status = capture.responseHead.lines().findFirst().orElse("").strip();
        String tls = capture.tlsProtocol == null ? null : capture.tlsProtocol + ", " + capture.tlsCipherSuite;
        return new DeletionProof(
                postId,
                postUrl,
                capture.url,
                Moment.of(capture.fetchedAt, now),
                status,
                capture.requestHead,
                capture.responseHead,
                capture.bodySha256,
                capture.body == null ? 0 : capture.body.length,
                capture.body == null ? null : "/console/posts/" + postId + "/deletion-proof/body",
                capture.ipAddress,
                tls,
                "/api/posts/" + postId + "/export.warc.gz");
    }

    /** The type the platform declared for the body; unknown bytes are served as such. */
    static String contentType(String responseHead) {
        return responseHead
                .lines()
                .skip(1)
                .map(line -> line.split(":", 2))
                .filter(field -> field.length == 2 && field[0].strip().equalsIgnoreCase("Content-Type"))
                .map(field -> field[1].strip())
                .filter(value -> !value.isEmpty())
                .findFirst()
                .orElse("application/octet-stream");
    }
}
