package dev.afterimage.source.http;

import java.util.List;
import java.util.Map;

/** What one HTTP GET came to. Any status code is a {@link Received}; only transport trouble is {@link Failed}. */
public sealed interface HttpOutcome {

    /**
     * The server answered.
     *
     * @param url the URL that was requested
     * @param headers response headers, names in lower case
     * @param body the whole body (within the configured size limit)
     * @param exchange the request and response heads, for the WARC record of this fetch
     */
    record Received(
            String url,
            int status,
            String contentType,
            Map<String, List<String>> headers,
            byte[] body,
            Exchange exchange)
            implements HttpOutcome {

        public boolean isSuccessful() {
            return status >= 200 && status < 300;
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400;
        }

        /** The server says the resource is not there: 404 Not Found or 410 Gone. */
        public boolean isGone() {
            return status == 404 || status == 410;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** No usable answer: timeout, refused connection, body over the size limit, a refused address, a host in back-off. */
    record Failed(String url, String reason) implements HttpOutcome {}
}
