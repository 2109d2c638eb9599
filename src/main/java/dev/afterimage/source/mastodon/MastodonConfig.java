package dev.afterimage.source.mastodon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How Mastodon instances are read ({@code afterimage.platforms.mastodon.*}). */
@ConfigMapping(prefix = "afterimage.platforms.mastodon")
public interface MastodonConfig {

    /**
     * When set, every instance's API is reached at this URL instead of at {@code https://<instance>} (a proxy, or a
     * stand-in in tests). Archived post URLs stay the instances' own.
     */
    Optional<String> baseUrl();

    /** Boosts are other people's posts; an official account's own statements are what is watched. */
    @WithDefault("false")
    boolean includeReblogs();
}
