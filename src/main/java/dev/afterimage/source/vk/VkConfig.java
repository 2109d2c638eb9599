package dev.afterimage.source.vk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How VK walls are read ({@code afterimage.platforms.vk.*}): the VK API with an app's service token. */
@ConfigMapping(prefix = "afterimage.platforms.vk")
public interface VkConfig {

    /** The VK API host; tests point it at a stand-in. Post URLs stay https://vk.com/wall... */
    @WithDefault("https://api.vk.com")
    String baseUrl();

    /** The API version every request names ({@code v}); pinned, since VK changes answer shapes between versions. */
    @WithDefault("5.199")
    String apiVersion();

    /**
     * The service token of a VK app (vk.com/apps?act=manage → the app → Settings → "Service token"); without one,
     * VK walls cannot be watched.
     */
    Optional<String> serviceToken();

    /** Posts per {@code wall.get} page (VK's maximum is 100): one page covers a week of a busy wall. */
    @WithDefault("100")
    int pageSize();

    /** Poll interval of VK walls that name none: a service token may make 3 requests a second and 10,000 wall.get a day. */
    @WithDefault("PT2M")
    Duration defaultPollInterval();
}
