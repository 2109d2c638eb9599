package dev.afterimage.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The one {@link PlatformNaming} of each platform. */
@ApplicationScoped
public class PlatformNamings {

    private final Map<Platform, PlatformNaming> byPlatform = new EnumMap<>(Platform.class);

    public PlatformNamings(Instance<PlatformNaming> namings) {
        for (PlatformNaming naming : namings) {
            PlatformNaming previous = byPlatform.put(naming.platform(), naming);
            if (previous != null) {
                throw new IllegalStateException(
                        "two namings for " + naming.platform() + ": " + previous + ", " + naming);
            }
        }
    }

    public PlatformNaming of(Platform platform) {
        PlatformNaming naming = byPlatform.get(platform);
        if (naming == null) {
            throw new IllegalStateException("no naming for platform " + platform);
        }
        return naming;
    }

    /** The platform whose profile URL this is, with the handle it names. */
    public Optional<AccountRef> fromProfileUrl(URI url) {
        for (PlatformNaming naming : byPlatform.values()) {
            Optional<String> handle = naming.handleFromProfileUrl(url);
            if (handle.isPresent()) {
                return Optional.of(new AccountRef(naming.platform(), handle.get()));
            }
        }
        return Optional.empty();
    }
}
