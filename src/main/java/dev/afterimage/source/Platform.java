package dev.afterimage.source;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms Afterimage can watch. The lower-case name is the one used in the API. The order is the order in
 * which a pasted profile URL is tried: the specific platforms first, then feeds, then plain web pages, which could
 * claim any URL.
 */
public enum Platform {
    TELEGRAM,
    X,
    FACEBOOK,
    BLUESKY,
    VK,
    MASTODON,
    RSS,
    WEB;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromApiName(String name) {
        for (Platform platform : values()) {
            if (platform.apiName().equalsIgnoreCase(name)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
