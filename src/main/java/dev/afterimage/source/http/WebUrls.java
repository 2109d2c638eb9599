package dev.afterimage.source.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/** One spelling for a publisher's own URLs (a feed, a news page, an article), so the same page is one key. */
public final class WebUrls {

    private WebUrls() {}

    /**
     * An absolute http(s) URL with scheme and host in lower case, an empty path as {@code /}, and no fragment (which
     * never reaches the server); empty for anything else, a URL with user info included.
     */
    public static Optional<String> normalise(String url) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque()
                || (!scheme.equals("http") && !scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        StringBuilder out =
                new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return Optional.of(out.toString());
    }

    /** {@code reference} resolved against {@code base} and normalised; empty when either is no usable URL. */
    public static Optional<String> resolve(String base, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        // OkHttp resolves as RFC 3986 does; java.net.URI follows RFC 2396, which resolves "?page=2" against the
        // base's directory instead of its path.
        HttpUrl baseUrl = HttpUrl.parse(base);
        HttpUrl resolved = baseUrl == null ? null : baseUrl.resolve(reference.strip());
        return resolved == null ? Optional.empty() : normalise(resolved.toString());
    }
}
