package dev.afterimage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What this instance is as others see it. */
@ConfigMapping(prefix = "afterimage")
public interface InstanceConfig {

    /** The URL users reach this instance at; links in alerts (archived copies, media) are built on it. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();
}
