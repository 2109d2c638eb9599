package dev.afterimage.source;

import java.util.Locale;
import java.util.Optional;

/** The platforms Afterimage can watch. The lower-case name is the one used in the API. */
public enum Platform {
    TELEGRAM;

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
