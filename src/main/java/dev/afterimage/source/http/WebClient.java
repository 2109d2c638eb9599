package dev.afterimage.source.http;

import dev.afterimage.hash.Sha256;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one way Afterimage fetches from the web: {@link #get} for pages and {@link #download} for media.
 * Network trouble comes back as a {@code Failed} outcome, never as an exception. Unless configured otherwise,
 * only public addresses are contacted, and a host that asked us to back off is left alone until it said.
 */
@ApplicationScoped
// Created at start-up, so an unusable proxy setting stops the service at once, naming the setting.
@Startup
public class WebClient {

    /** Browsers and OkHttp give up after 20 hops; a longer chain is a loop. */
    private static final int MAX_REDIRECTS = 20;

    private static final Set<Integer> FOLLOWED_REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

    /** How long an idle connection is kept: OkHttp's default, which its pool's constructor asks for again. */
    private static final Duration IDLE_CONNECTION_LIFE = Duration.ofMinutes(5);

    private final FetchConfig config;
    private final HostBackoff backoff;
    private final Clock clock;
    private final Dns names;
    private final ProxyRoutes routes;
    private final OkHttpClient pages;
    private final OkHttpClient media;

    @Inject
    public WebClient(FetchConfig config, Clock clock) {
        this(config, clock, System.getenv(), Dns.SYSTEM, UnaryOperator.identity());
    }

    /** {@code tuning} adjusts the HTTP client, e.g. to trust a test server's certificate authority. */
    WebClient(FetchConfig config, Clock clock, UnaryOperator<OkHttpClient.Builder> tuning) {
        this(config, clock, System.getenv(), Dns.SYSTEM, tuning);
    }

    /**
     * @param environment stands for the process's environment variables, where proxies are conventionally set
     * @param names resolves host names, e.g. a test's own answers
     */
    WebClient(
            FetchConfig config,
            Clock clock,
            Map<String, String> environment,
            Dns names,
            UnaryOperator<OkHttpClient.Builder> tuning) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.maxPageBytes() >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "afterimage.fetch.max-page-bytes must be below 2 GiB: a page body is held in one byte array");
        }
        if (config.idleConnections() < 0) {
            throw new IllegalArgumentException("afterimage.fetch.idle-connections must be 0 or more");
        }
        this.clock = clock;
        this.backoff = new HostBackoff(
                Objects.requireNonNull(clock, "clock"), config.defaultRetryAfter(), config.maxRetryAfter());
        this.names = names;
        this.routes = ProxyRoutes.of(config.proxy(), config.noProxy(), environment);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (!config.allowPrivateNetworks()) {
            builder.addNetworkInterceptor(PublicOnlyDns::refuseIfConnectedPrivately);
        }
        builder.connectionPool(new ConnectionPool(
                        config.idleConnections(), IDLE_CONNECTION_LIFE.toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                // Redirects are ours to handle: get() reports them, download() checks every hop first.
                .followRedirects(false)
                .followSslRedirects(false)
                // The proxy itself is named by the operator and may well be on the local network; targets may not.
                .dns(config.allowPrivateNetworks() ? names : new PublicOnlyDns(names, routes.proxyHosts()))
                .proxySelector(routes)
                .proxyAuthenticator(routes.authenticator())
                // HTTP/1.1 only: what is archived are HTTP/1.1 request and response heads, as WARC readers expect.
                .protocols(List.of(Protocol.HTTP_1_1))
                .addNetworkInterceptor(new RemoteAddress())
                .addInterceptor(new HostPoliteness(config.politeness()));
        OkHttpClient shared = tuning.apply(builder).build();
        this.pages = shared.newBuilder().callTimeout(config.pageCallTimeout()).build();
        this.media = shared.newBuilder().callTimeout(config.mediaCallTimeout()).build();
    }

    /**
     * A client for a long-lived connection such as a WebSocket: the same proxy, address policy and politeness as every
     * fetch, no read or call timeout, and a ping this often so a dead peer is noticed.
     */
    public OkHttpClient streaming(Duration pingEvery) {
        return pages.newBuilder()
                // A stream occupies its dispatcher's slot while it lives: its own dispatcher keeps the pages' free.
                .dispatcher(new Dispatcher())
                .callTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO)
                .pingInterval(pingEvery)
                .build();
    }

    /**
     * GETs a page without following redirects, so a 3xx comes back as {@link HttpOutcome.Received} with its
     * {@code Location}. Every status is {@code Received}; a body over the page size limit is {@code Failed}.
     */
    public HttpOutcome get(String url) {
        return get(url, Map.of());
    }

    /**
     * GETs a page like {@link #get(String)}, sending {@code headers} too (an API's {@code Authorization} or
     * {@code Accept}). An {@code Authorization} value never reaches the recorded exchange.
     */
    public HttpOutcome get(String url, Map<String, String> headers) {
        Objects.requireNonNull(url, "url");
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            return new HttpOutcome.Failed(url, unusable(url));
        }
        Optional<String> refusal = refusal(target);
        if (refusal.isPresent()) {
            return new HttpOutcome.Failed(url, refusal.get());
        }
        Request request = request(target, headers);
        try (Response response = pages.newCall(request).execute()) {
            backoff.recordResponse(target.host(), response.code(), response.headers());
            ResponseBody body = response.body();
            long limit = config.maxPageBytes();
            if (body.contentLength() > limit) {
                return new HttpOutcome.Failed(url, overLimit("page", limit, "max-page-bytes"));
            }
            byte[] bytes;
            // Read one byte past the limit and no further: Content-Length may be absent or lie.
            try (InputStream in = body.byteStream()) {
                bytes = in.readNBytes((int) limit + 1);
            }
            if (bytes.length > limit) {
                return new HttpOutcome.Failed(url, overLimit("page", limit, "max-page-bytes"));
            }
            return new HttpOutcome.Received(
                    url,
                    response.code(),
                    response.header("Content-Type"),
                    Map.copyOf(response.headers().toMultimap()),
                    bytes,
                    Exchange.of(request, response, bytes.length, clock.instant()));
        } catch (IOException e) {
            return new HttpOutcome.Failed(url, describe(e, target, config.pageCallTimeout()));
        }
    }

    /**
     * GETs a media file, following redirects, into a new temporary file in {@code directory}, hashing it on
     * the way. Any status other than 2xx, and a body over the media size limit, is {@code Failed} and leaves
     * no file behind.
     */
    public DownloadOutcome download(String url, Path directory) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(directory, "directory");
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            return new DownloadOutcome.Failed(url, unusable(url));
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refusal = refusal(target);
            if (refusal.isPresent()) {
                return new DownloadOutcome.Failed(url, refusal.get());
            }
            Request request = request(target, Map.of());
            try (Response response = media.newCall(request).execute()) {
                int status = response.code();
                backoff.recordResponse(target.host(), status, response.headers());
                if (FOLLOWED_REDIRECTS.contains(status)) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : target.resolve(location);
                    if (next == null) {
                        return new DownloadOutcome.Failed(
                                url, "HTTP " + status + " from " + target + " without a usable http(s) Location");
                    }
                    target = next;
                    continue;
                }
                if (status == 404 || status == 410) {
                    return new DownloadOutcome.Gone(url, status, "HTTP " + status + " from " + target);
                }
                if (!response.isSuccessful()) {
                    return new DownloadOutcome.Failed(url, "HTTP " + status + " from " + target);
                }
                return save(url, request, response, directory);
            } catch (IOException e) {
                return new DownloadOutcome.Failed(url, describe(e, target, config.mediaCallTimeout()));
            }
        }
        return new DownloadOutcome.Failed(url, "more than " + MAX_REDIRECTS + " redirects");
    }

    /**
     * Opens a long-lived GET (a persistent event stream) and hands each non-empty line to {@code onLine} as it
     * arrives, until the server ends the stream, nothing arrives for {@code idleTimeout} (the server's keep-alives
     * are expected more often), or the thread is interrupted. The address guard applies; the page call timeout does
     * not, since the call is meant to last. A line over the page size limit ends the stream.
     *
     * @return {@code Received} with an empty body once a 2xx stream ends, or the first non-2xx answer (its body read
     *     within the page limit); {@code Failed} when it could not connect or broke off
     */
    public HttpOutcome streamLines(
            String url, Map<String, String> headers, Duration idleTimeout, java.util.function.Consumer<String> onLine) {
        Objects.requireNonNull(url, "url");
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            return new HttpOutcome.Failed(url, unusable(url));
        }
        Optional<String> refusal = refusal(target);
        if (refusal.isPresent()) {
            return new HttpOutcome.Failed(url, refusal.get());
        }
        Request request = request(target, headers);
        OkHttpClient streaming = pages.newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(idleTimeout)
                .build();
        try (Response response = streaming.newCall(request).execute()) {
            backoff.recordResponse(target.host(), response.code(), response.headers());
            if (!response.isSuccessful()) {
                byte[] bytes;
                try (InputStream in = response.body().byteStream()) {
                    bytes = in.readNBytes((int) Math.min(config.maxPageBytes(), 64 * 1024));
                }
                return new HttpOutcome.Received(
                        url,
                        response.code(),
                        response.header("Content-Type"),
                        Map.copyOf(response.headers().toMultimap()),
                        bytes,
                        Exchange.of(request, response, bytes.length, clock.instant()));
            }
            okio.BufferedSource source = response.body().source();
            while (!Thread.currentThread().isInterrupted() && !source.exhausted()) {
                // Strict: a line longer than the page limit is an error, not a silent cut.
                String line = source.readUtf8LineStrict(config.maxPageBytes());
                if (!line.isBlank()) {
                    onLine.accept(line);
                }
            }
            return new HttpOutcome.Received(
                    url,
                    response.code(),
                    response.header("Content-Type"),
                    Map.copyOf(response.headers().toMultimap()),
                    new byte[0],
                    Exchange.of(request, response, 0, clock.instant()));
        } catch (IOException e) {
            return new HttpOutcome.Failed(url, describe(e, target, idleTimeout));
        }
    }

    /**
     * POSTs {@code body} without following redirects and reads at most {@code maxResponseBytes} of the answer
     * (the rest is discarded, not an error: a receiver's answer is only logged). Every status is {@code Received}.
     * The host back-off of page fetches does not apply: many endpoints share a host (Slack, Discord), and one of
     * them asking to wait must not hold back the others; the caller honours {@code Retry-After} per endpoint.
     */
    public HttpOutcome post(
            String url,
            Map<String, String> headers,
            byte[] body,
            String contentType,
            Duration callTimeout,
            int maxResponseBytes) {
        Objects.requireNonNull(url, "url");
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            return new HttpOutcome.Failed(url, unusable(url));
        }
        Optional<String> refusal = addressRefusal(target);
        if (refusal.isPresent()) {
            return new HttpOutcome.Failed(url, refusal.get());
        }
        Request.Builder request = new Request.Builder()
                .url(target)
                .header("User-Agent", config.userAgent())
                .tag(RemoteAddress.Slot.class, new RemoteAddress.Slot())
                .post(RequestBody.create(body, MediaType.get(contentType)));
        headers.forEach(request::header);
        OkHttpClient client = pages.newBuilder().callTimeout(callTimeout).build();
        Request sent = request.build();
        try (Response response = client.newCall(sent).execute()) {
            byte[] answer;
            try (InputStream in = response.body().byteStream()) {
                answer = in.readNBytes(maxResponseBytes);
            }
            Map<String, List<String>> responseHeaders =
                    Map.copyOf(response.headers().toMultimap());
            return new HttpOutcome.Received(
                    url,
                    response.code(),
                    response.header("Content-Type"),
                    responseHeaders,
                    answer,
                    Exchange.of(sent, response, answer.length, clock.instant()));
        } catch (IOException e) {
            return new HttpOutcome.Failed(url, describe(e, target, callTimeout));
        }
    }

    /** Closes idle keep-alive connections when the application stops. */
    @PreDestroy
    void closeIdleConnections() {
        pages.connectionPool().evictAll();
    }

    private DownloadOutcome save(String url, Request request, Response response, Path directory) throws IOException {
        ResponseBody body = response.body();
        long limit = config.maxMediaBytes();
        if (body.contentLength() > limit) {
            return new DownloadOutcome.Failed(url, overLimit("media", limit, "max-media-bytes"));
        }
        Path file;
        try {
            file = Files.createTempFile(directory, "download-", ".part");
        } catch (IOException e) {
            return new DownloadOutcome.Failed(url, "cannot create a temporary file in " + directory + ": " + e);
        }
        boolean keep = false;
        try (InputStream in = body.byteStream();
                OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha256 = Sha256.digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                size += n;
                if (size > limit) {
                    return new DownloadOutcome.Failed(url, overLimit("media", limit, "max-media-bytes"));
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            keep = true;
            return new DownloadOutcome.Downloaded(
                    url,
                    file,
                    size,
                    Sha256.hex(sha256),
                    mediaType(body.contentType()),
                    Exchange.of(request, response, size, clock.instant()));
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Why we will not send a request to {@code target} at all, if we will not. */
    private Optional<String> refusal(HttpUrl target) {
        return addressRefusal(target).or(() -> backoff.blockedUntil(target.host())
                .map(until -> "rate limited: " + target.host() + " asked us to wait until " + until));
    }

    private Optional<String> addressRefusal(HttpUrl target) {
        if (!config.allowPrivateNetworks()) {
            try {
                PublicOnlyDns.refuseIfPrivateLiteral(target.host());
                if (routes.forTarget(target).isPresent()) {
                    PublicOnlyDns.refuseIfResolvesPrivately(names, target.host());
                }
            } catch (UnknownHostException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Request request(HttpUrl target, Map<String, String> headers) {
        Request.Builder request = new Request.Builder()
                .url(target)
                .header("User-Agent", config.userAgent())
                .tag(RemoteAddress.Slot.class, new RemoteAddress.Slot());
        headers.forEach(request::header);
        return request.build();
    }

    private String describe(IOException e, HttpUrl target, Duration callTimeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PublicOnlyDns.Refused refused) {
                return refused.getMessage();
            }
        }
        String where = target.host() + ":" + target.port();
        return switch (e) {
            case SocketTimeoutException t
            when isConnectTimeout(t) -> "connect timeout after " + human(config.connectTimeout()) + " to " + where;
            case SocketTimeoutException t -> "read timeout after " + human(config.readTimeout()) + " from " + where;
            // OkHttp reports its whole-call timeout as a plain InterruptedIOException.
            case InterruptedIOException t -> "timeout after " + human(callTimeout) + " (whole call) to " + where;
            case UnknownHostException t -> "unknown host: " + target.host();
            case ConnectException t -> "could not connect to " + where + " (" + rootMessage(t) + ")";
            case SSLException t -> "TLS failure with " + where + ": " + t.getMessage();
            default -> "I/O error with " + where + ": " + e;
        };
    }

    /** The JDK says "Connect timed out"; OkHttp's read timeouts just say "timeout". */
    private static boolean isConnectTimeout(SocketTimeoutException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    private static String unusable(String url) {
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()
                && !scheme.group(1).equalsIgnoreCase("http")
                && !scheme.group(1).equalsIgnoreCase("https")) {
            return "unsupported scheme '" + scheme.group(1) + "': only http and https URLs are fetched";
        }
        return "malformed URL: " + url;
    }

    private static String overLimit(String what, long limit, String key) {
        return "body over the " + what + " size limit of " + limit + " bytes (afterimage.fetch." + key + ")";
    }

    private static String mediaType(MediaType type) {
        return type == null ? UNKNOWN_MEDIA_TYPE : type.type() + "/" + type.subtype();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
