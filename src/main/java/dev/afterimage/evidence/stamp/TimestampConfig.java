package dev.afterimage.evidence.stamp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Trusted time for the evidence chain: which RFC 3161 time-stamping authorities date its head, and how often. */
@ConfigMapping(prefix = "afterimage.evidence")
public interface TimestampConfig {

    /**
     * The time-stamping authorities (RFC 3161 over HTTP) asked to date the chain's head, e.g.
     * {@code https://freetsa.org/tsr}; each is asked on its own, so one down does not hold back the others. None by
     * default: nothing leaves the instance unless the operator says where.
     */
    Optional<List<String>> tsaUrls();

    /**
     * The head is stamped at most this often: each stamp dates every entry before it, and public TSAs ask to be
     * used sparingly. Ten minutes bounds how long a version waits for its trusted date.
     */
    @WithDefault("10m")
    Duration stampEvery();

    /** A TSA that failed is asked again after this long: soon enough to keep the pending window short. */
    @WithDefault("2m")
    Duration retryAfter();

    /** A whole request to a TSA; they answer in well under a second, 30 s allows for a slow one without stalling. */
    @WithDefault("30s")
    Duration timeout();

    /** How often the instance looks whether the chain grew since the last stamp; the looking costs one row read. */
    @WithDefault("15s")
    Duration checkEvery();
}
