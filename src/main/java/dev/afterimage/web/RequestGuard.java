package dev.afterimage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.security.ClientAddress;
import dev.afterimage.security.PublicArchiveConfig;
import dev.afterimage.security.Sessions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every request before anything else reads it: a Host that is not this service's (DNS rebinding) is refused
 * with 421; a change whose Origin is foreign with 403; an API change a browser could send cross-site without a
 * preflight (a form's content type, no token) with 403; and the public archive is rate-limited per client.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** The content types a cross-site form or a no-cors fetch can send without asking the service first. */
    private static final Set<String> SIMPLE_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    /** Paths open to everyone in the public archive mode, counted against each client's budget. */
    private static final Pattern PUBLIC_PATHS = Pattern.compile(
            "/archive|/(web|timemap|media)/.*|/api/(posts|accounts)/[^/]+/(export\\.warc\\.gz|evidence\\.wacz)|/api/evidence/key");

    private final OwnHosts hosts;
    private final ClientRateLimit rateLimit;
    private final PublicArchiveConfig archive;
    private final ObjectMapper json;

    RequestGuard(OwnHosts hosts, ClientRateLimit rateLimit, PublicArchiveConfig archive, ObjectMapper json) {
        this.hosts = hosts;
        this.rateLimit = rateLimit;
        this.archive = archive;
        this.json = json;
    }

    /** Ahead of every other route, static files and health included. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/q/health")) {
            // Probes name the container's address; health says nothing worth rebinding for.
            context.next();
            return;
        }
        int localPort = context.request().localAddress() == null
                ? -1
                : context.request().localAddress().port();
        int defaultPort = context.request().isSSL() ? 443 : 80;
        String host = context.request().getHeader(HttpHeaders.HOST);
        if (host == null && context.request().authority() != null) {
            host = context.request().authority().toString();
        }
        if (!hosts.own(host, defaultPort, localPort)) {
            refuse(
                    context,
                    421,
                    "Misdirected Request",
                    "this service does not answer to the host " + host
                            + "; add it to afterimage.security.allowed-hosts or afterimage.public-url if it is yours");
            return;
        }
        String method = context.request().method().name();
        if (!READS.contains(method)) {
            String origin = context.request().getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !ownOrigin(origin, localPort)) {
                refuse(context, 403, "Forbidden", "a change requested by a page of " + origin + " is refused");
                return;
            }
            if (path.startsWith("/api/") && csrfAble(context)) {
                refuse(
                        context,
                        403,
                        "Forbidden",
                        "an API change sent as a plain form is refused: send JSON,"
                                + " an X-Requested-With header or an API token");
                return;
            }
        }
        if (archive.open() && PUBLIC_PATHS.matcher(path).matches() && !carriesCredentials(context)) {
            OptionalLong wait = rateLimit.admit(ClientAddress.of(context));
            if (wait.isPresent()) {
                context.response().putHeader("Retry-After", String.valueOf(wait.getAsLong()));
                refuse(context, 429, "Too Many Requests", "too many requests from this address; slow down");
                return;
            }
        }
        context.next();
    }

    private boolean ownOrigin(String origin, int localPort) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return hosts.own(uri.getRawAuthority(), defaultPort, localPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A change a browser can send cross-site without a preflight (a form's content type) and without a token or
     * custom header. An empty body from a client that shows no sign of being a browser (no Origin, no Sec-Fetch-Site,
     * no cookie) is an HTTP tool's default POST and passes; every browser sends an Origin with a form post.
     */
    private static boolean csrfAble(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || context.request().getHeader("X-Requested-With") != null) {
            return false;
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String bare =
                (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (!SIMPLE_TYPES.contains(bare)) {
            return false;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean body = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.strip().equals("0"));
        boolean browser = context.request().getHeader(HttpHeaders.ORIGIN) != null
                || context.request().getHeader("Sec-Fetch-Site") != null
                || context.request().getHeader(HttpHeaders.COOKIE) != null;
        return body || browser;
    }

    private static boolean carriesCredentials(RoutingContext context) {
        return context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || context.request().getCookie(Sessions.COOKIE) != null;
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, null, null));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
