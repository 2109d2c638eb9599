package dev.afterimage.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The one {@link PostSource} of each platform. */
@ApplicationScoped
public class PostSources {

    private final Map<Platform, PostSource> byPlatform = new EnumMap<>(Platform.class);

    public PostSources(Instance<PostSource> sources) {
        for (PostSource source : sources) {
            PostSource previous = byPlatform.put(source.platform(), source);
            if (previous != null) {
                throw new IllegalStateException(
                        "two sources for " + source.platform() + ": " + previous + ", " + source);
            }
        }
    }

    public PostSource of(Platform platform) {
        PostSource source = byPlatform.get(platform);
        if (source == null) {
            throw new IllegalStateException("no source for platform " + platform);
        }
        return source;
    }
}
