package dev.afterimage.ops;

import dev.afterimage.archive.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a media file can be written: the store's folder takes a file and its disk has room. */
@Readiness
@ApplicationScoped
public class MediaStoreHealth implements HealthCheck {

    private final MediaStore store;
    private final OpsConfig config;

    MediaStoreHealth(MediaStore store, OpsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("media store");
        try {
            Path incoming = store.incomingDir();
            Files.delete(Files.createTempFile(incoming, "health-", ".tmp"));
            long free = Files.getFileStore(incoming).getUsableSpace();
            response.withData("freeBytes", free).withData("minFreeBytes", config.minFreeBytes());
            if (free < config.minFreeBytes()) {
                return response.down()
                        .withData("reason", "less free space than afterimage.ops.min-free-bytes")
                        .build();
            }
            return response.up().build();
        } catch (IOException | RuntimeException e) {
            return response.down()
                    .withData("reason", "cannot write a file: " + e)
                    .build();
        }
    }
}
