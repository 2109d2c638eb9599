package dev.afterimage.source.http;

import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One HTTP exchange as it can be written to a WARC file: the request head, the response head, and when. The body
 * travels separately. Heads are HTTP/1.1 (the client speaks nothing else); the body is kept decoded, so the framing
 * headers that described the wire form ({@code Transfer-Encoding}) are replaced by the {@code Content-Length} of the
 * body kept.
 *
 * @param url the URL actually fetched (after any redirects)
 * @param requestHead e.g. {@code GET /s/durov HTTP/1.1\r\nHost: t.me\r\nUser-Agent: ...\r\n\r\n}
 * @param responseHead e.g. {@code HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n...\r\n\r\n}
 * @param ipAddress the address the server answered from, or null when it is not known
 * @param tls the TLS session of an https fetch, or null for plain http
 */
public record Exchange(
        String url, String requestHead, String responseHead, Instant at, String ipAddress, TlsSession tls) {

    static final String REDACTED = "[redacted]";

    static Exchange of(Request request, Response response, long bodyLength, Instant at) {
        StringBuilder requestHead = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.url().encodedPath());
        if (request.url().encodedQuery() != null) {
            requestHead.append('?').append(request.url().encodedQuery());
        }
        requestHead.append(" HTTP/1.1\r\nHost: ").append(request.url().host());
        if (request.url().port() != okhttp3.HttpUrl.defaultPort(request.url().scheme())) {
            requestHead.append(':').append(request.url().port());
        }
        requestHead.append("\r\n");
        appendHeaders(requestHead, request.headers(), false);
        requestHead.append("\r\n");

        StringBuilder responseHead = new StringBuilder("HTTP/1.1 ")
                .append(response.code())
                .append(' ')
                .append(response.message().isEmpty() ? "-" : response.message())
                .append("\r\n");
        appendHeaders(responseHead, response.headers(), true);
        responseHead.append("Content-Length: ").append(bodyLength).append("\r\n\r\n");
        RemoteAddress.Slot remote = request.tag(RemoteAddress.Slot.class);
        return new Exchange(
                request.url().toString(),
                requestHead.toString(),
                responseHead.toString(),
                at,
                remote == null ? null : remote.ipAddress(),
                response.handshake() == null ? null : TlsSession.of(response.handshake()));
    }

    private static void appendHeaders(StringBuilder out, Headers headers, boolean dropFraming) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (dropFraming
                    && (name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Content-Length"))) {
                continue;
            }
            // An API token in an archived request head would hand it to everyone the archive is shared with.
            String value = name.equalsIgnoreCase("Authorization") ? REDACTED : headers.value(i);
            out.append(name).append(": ").append(value).append("\r\n");
        }
    }
}
