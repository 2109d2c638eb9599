package dev.afterimage.testkit;

import dev.afterimage.source.http.FetchConfig;
import java.time.Duration;
import java.util.Optional;

/** A {@link FetchConfig} for plain unit tests: the production defaults, changed one key at a time. */
public record FixedFetchConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration pageCallTimeout,
        Duration mediaCallTimeout,
        long maxPageBytes,
        long maxMediaBytes,
        boolean allowPrivateNetworks,
        String userAgent,
        Duration defaultRetryAfter,
        Duration maxRetryAfter)
        implements FetchConfig {

    public static final String USER_AGENT = "Afterimage/0.1 (+https://afterimage.dev)";

    /** No proxy, whatever the environment of the test run says. */
    @Override
    public Optional<String> proxy() {
        return Optional.of("direct");
    }

    @Override
    public Optional<String> noProxy() {
        return Optional.empty();
    }

    @Override
    public int idleConnections() {
        return 64;
    }

    /** The default caps for every host. */
    @Override
    public Politeness politeness() {
        return FixedPoliteness.DEFAULTS;
    }

    /** The defaults of {@link FetchConfig}, except that a server on loopback (WireMock) may be reached. */
    public static FixedFetchConfig forLocalServer() {
        return new FixedFetchConfig(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                10_485_760,
                104_857_600,
                true,
                USER_AGENT,
                Duration.ofSeconds(60),
                Duration.ofHours(1));
    }

    public FixedFetchConfig withReadTimeout(Duration value) {
        return new FixedFetchConfig(
                connectTimeout,
                value,
                pageCallTimeout,
                mediaCallTimeout,
                maxPageBytes,
                maxMediaBytes,
                allowPrivateNetworks,
                userAgent,
                defaultRetryAfter,
                maxRetryAfter);
    }

    public FixedFetchConfig withMaxPageBytes(long value) {
        return new FixedFetchConfig(
                connectTimeout,
                readTimeout,
                pageCallTimeout,
                mediaCallTimeout,
                value,
                maxMediaBytes,
                allowPrivateNetworks,
                userAgent,
                defaultRetryAfter,
                maxRetryAfter);
    }

    public FixedFetchConfig withMaxMediaBytes(long value) {
        return new FixedFetchConfig(
                connectTimeout,
                readTimeout,
                pageCallTimeout,
                mediaCallTimeout,
                maxPageBytes,
                value,
                allowPrivateNetworks,
                userAgent,
                defaultRetryAfter,
                maxRetryAfter);
    }

    public FixedFetchConfig withAllowPrivateNetworks(boolean value) {
        return new FixedFetchConfig(
                connectTimeout,
                readTimeout,
                pageCallTimeout,
                mediaCallTimeout,
                maxPageBytes,
                maxMediaBytes,
                value,
                userAgent,
                defaultRetryAfter,
                maxRetryAfter);
    }
}
