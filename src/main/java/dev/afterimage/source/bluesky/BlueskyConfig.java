package dev.afterimage.source.bluesky;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How Bluesky is read ({@code afterimage.platforms.bluesky.*}). */
@ConfigMapping(prefix = "afterimage.platforms.bluesky")
public interface BlueskyConfig {

    /** The public AppView, which needs no login; tests point it at a stand-in. Post URLs stay https://bsky.app/... */
    @WithDefault("https://public.api.bsky.app")
    String baseUrl();

    /** The Jetstream firehose that pushes deletions of the watched accounts within seconds. */
    @WithDefault("wss://jetstream2.us-east.bsky.network/subscribe")
    String jetstreamUrl();

    /** Off, Bluesky is only polled, and a deletion is seen at the next poll instead of within seconds. */
    @WithDefault("true")
    boolean jetstreamEnabled();

    /**
     * How often the set of watched Bluesky accounts is compared with the one the stream follows: an account added
     * through the API is followed on the stream within this time (and polled on its schedule meanwhile).
     */
    @WithDefault("30s")
    Duration jetstreamCheckEvery();

    /**
     * How long after a stream event the account is polled. Jetstream and the AppView read the same network
     * independently; asked at once, the AppView may still show a post that was just deleted, and the deletion would
     * wait for the next scheduled poll.
     */
    @WithDefault("PT2S")
    Duration jetstreamPollDelay();
}
