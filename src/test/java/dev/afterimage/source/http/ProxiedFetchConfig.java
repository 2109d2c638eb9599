package dev.afterimage.source.http;

import java.time.Duration;
import java.util.Optional;

/** Another configuration with {@code afterimage.fetch.proxy} set or unset, and no {@code no-proxy} setting. */
record ProxiedFetchConfig(FetchConfig base, Optional<String> proxy) implements FetchConfig {

    @Override
    public Optional<String> noProxy() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return base.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return base.readTimeout();
    }

    @Override
    public Duration pageCallTimeout() {
        return base.pageCallTimeout();
    }

    @Override
    public Duration mediaCallTimeout() {
        return base.mediaCallTimeout();
    }

    @Override
    public long maxPageBytes() {
        return base.maxPageBytes();
    }

    @Override
    public long maxMediaBytes() {
        return base.maxMediaBytes();
    }

    @Override
    public int idleConnections() {
        return base.idleConnections();
    }

    @Override
    public boolean allowPrivateNetworks() {
        return base.allowPrivateNetworks();
    }

    @Override
    public String userAgent() {
        return base.userAgent();
    }

    @Override
    public Duration defaultRetryAfter() {
        return base.defaultRetryAfter();
    }

    @Override
    public Duration maxRetryAfter() {
        return base.maxRetryAfter();
    }

    @Override
    public Politeness politeness() {
        return base.politeness();
    }
}
