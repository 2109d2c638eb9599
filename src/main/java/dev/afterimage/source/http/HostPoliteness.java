package dev.afterimage.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps what Afterimage asks of one host: so many requests in flight at once, so many started per second, spaced
 * evenly. A request waits for its turn; one that cannot get it within {@code max-wait} fails as a network error,
 * which a poll records as unknown, never as a deletion. Back-off after 429 and 503 is {@link HostBackoff}'s.
 */
final class HostPoliteness implements Interceptor {

    private final FetchConfig.Politeness config;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    HostPoliteness(FetchConfig.Politeness config) {
        this.config = config;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = chain.request().url().host();
        Gate gate = gates.computeIfAbsent(host, this::gateFor);
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        gate.enter(host, deadline);
        try {
            gate.awaitTurn(host, deadline);
            return chain.proceed(chain.request());
        } finally {
            gate.leave();
        }
    }

    private Gate gateFor(String host) {
        FetchConfig.HostCaps caps = config.hosts().get(host);
        int concurrent =
                caps == null ? config.maxConcurrent() : caps.maxConcurrent().orElse(config.maxConcurrent());
        double perSecond = caps == null
                ? config.requestsPerSecond()
                : caps.requestsPerSecond().orElse(config.requestsPerSecond());
        if (concurrent < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("afterimage.fetch.politeness for " + host
                    + " needs max-concurrent of at least 1 and a positive requests-per-second");
        }
        return new Gate(concurrent, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
    }

    /** One host's slots and the time its next request may start. */
    private static final class Gate {
        private final Semaphore inFlight;
        private final long spacingNanos;
        private long nextStartNanos = System.nanoTime();

        Gate(int concurrent, long spacingNanos) {
            this.inFlight = new Semaphore(concurrent, true);
            this.spacingNanos = spacingNanos;
        }

        void enter(String host, long deadline) throws IOException {
            try {
                if (!inFlight.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new IOException("too many requests to " + host + " in flight; waited "
                            + Duration.ofNanos(deadline - System.nanoTime()).abs());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a turn at " + host);
            }
        }

        void leave() {
            inFlight.release();
        }

        void awaitTurn(String host, long deadline) throws IOException {
            long start;
            synchronized (this) {
                start = Math.max(System.nanoTime(), nextStartNanos);
                if (start > deadline) {
                    throw new IOException("the request rate to " + host + " is used up for longer than its wait");
                }
                nextStartNanos = start + spacingNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a turn at " + host);
                }
            }
        }
    }
}
