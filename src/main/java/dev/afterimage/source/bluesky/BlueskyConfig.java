package dev.afterimage.source.bluesky;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
