package dev.afterimage.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The public read-only archive mode: lookups, Memento, media and evidence exports open to anyone. */
@ConfigMapping(prefix = "afterimage.archive")
public interface PublicArchiveConfig {

    /** Whether anyone may read the archive without signing in ({@code afterimage.archive.public}). */
    @WithName("public")
    @WithDefault("false")
    boolean open();

    /** Requests per minute one client may make to the public archive; enough to read, too few to mirror it. */
    @WithName("public-requests-per-minute")
    @WithDefault("120")
    int publicRequestsPerMinute();
}
