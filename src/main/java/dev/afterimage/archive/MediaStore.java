package dev.afterimage.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media bytes live, addressed by their SHA-256.
 *
 * <p>Contract: {@link #put} is atomic (a reader sees the whole file or none) and idempotent (putting bytes
 * already stored keeps one copy); a file once stored is never changed.
 */
public interface MediaStore {

    /** A folder on the same file system as the store, for downloads about to be {@link #put}. */
    Path incomingDir() throws IOException;

    /** Moves {@code file}, whose bytes hash to {@code sha256}, into the store. */
    void put(String sha256, Path file) throws IOException;

    /** The stored file, if these bytes are stored. */
    Optional<Path> locate(String sha256);
}
