package dev.afterimage.source.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How Afterimage fetches pages and media from the web ({@code afterimage.fetch.*}). */
@ConfigMapping(prefix = "afterimage.fetch")
public interface FetchConfig {

    /** A host that has not accepted a TCP connection in 10 s is down or black-holing us. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** 30 s without a single byte means the server has stalled, even for slow platforms. */
    @WithDefault("30s")
    Duration readTimeout();

    /** A whole page fetch gets 60 s so one trickling server cannot hold a poll for long. */
    @WithDefault("60s")
    Duration pageCallTimeout();

    /** A whole media download gets 10 min: long enough for a 100 MiB video over a slow link. */
    @WithDefault("10m")
    Duration mediaCallTimeout();

    /** 10 MiB is far above any real post page and keeps a hostile one from filling the heap. */
    @WithDefault("10485760")
    long maxPageBytes();

    /** 100 MiB holds the videos platforms serve to viewers and bounds what one file can take on disk. */
    @WithDefault("104857600")
    long maxMediaBytes();

    /**
     * Keep-alive connections kept open for reuse while idle, over all hosts. A fetch that finds none to its host opens
     * a new one, with its TLS handshake: enough for every connection the per-host cap lets each of a few busy hosts
     * have (OkHttp's own default, 5, is fewer than the 8 one host may have in flight, so those closed as they came free).
     */
    @WithDefault("64")
    int idleConnections();

    /** Off, so a URL taken from a post cannot reach the service's own network (SSRF); on for local tests. */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /**
     * An HTTP proxy every outbound request goes through (pages, media, webhooks, time-stamping), e.g.
     * {@code http://user:secret@proxy.example:3128}; {@code direct} for none. Unset, {@code HTTPS_PROXY} and
     * {@code HTTP_PROXY} are used as most tools do. The private-address policy applies to each target, not the proxy.
     */
    Optional<String> proxy();

    /** Hosts reached without the proxy, as {@code NO_PROXY} lists them (comma separated; unset: {@code NO_PROXY}). */
    Optional<String> noProxy();

    /** Names the archiver and where to read about it, so site operators know who is calling. */
    @WithDefault("Afterimage/0.1 (+https://afterimage.dev)")
    String userAgent();

    /** A 429 without a usable Retry-After still means "slow down"; a minute is a polite guess. */
    @WithDefault("60s")
    Duration defaultRetryAfter();

    /** A host may not park itself for longer than an hour, so a bogus header cannot stop archiving. */
    @WithDefault("1h")
    Duration maxRetryAfter();

    /** How hard Afterimage may press one host (see {@link HostPoliteness}). */
    Politeness politeness();

    /** Per-host caps: a default for every host, and overrides by host name. */
    interface Politeness {

        /** Requests to one host in flight at once. */
        @WithDefault("8")
        int maxConcurrent();

        /** Requests started per second to one host, spread evenly, so a burst of due polls does not hammer it. */
        @WithDefault("20")
        double requestsPerSecond();

        /** How long a request waits for its turn at a busy host before it fails as unknown, never as gone. */
        @WithDefault("30s")
        Duration maxWait();

        /** Overrides by host name, e.g. {@code afterimage.fetch.politeness.hosts."t.me".requests-per-second=5}. */
        Map<String, HostCaps> hosts();
    }

    /** One host's caps; what is left out is the default's. */
    interface HostCaps {
        Optional<Integer> maxConcurrent();

        Optional<Double> requestsPerSecond();
    }
}
