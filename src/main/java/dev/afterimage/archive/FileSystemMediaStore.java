package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Media files under {@code afterimage.archive.media-dir}, fanned out as {@code ab/cd/abcd…} to keep folders small. */
@ApplicationScoped
public class FileSystemMediaStore implements MediaStore {

    private final Path root;

    public FileSystemMediaStore(ArchiveConfig config) {
        this.root = config.mediaDir().toAbsolutePath().normalize();
    }

    @Override
    public Path incomingDir() throws IOException {
        return Files.createDirectories(root.resolve(".incoming"));
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(target.getParent());
        // On disk before the database row that points at it is committed, even if the power goes.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(file);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("media store " + root + " must be on the same file system as its incoming folder", e);
        }
    }

    /** Makes the new directory entry durable; file systems that cannot open a directory for this need not. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported on every platform; the data itself was already forced.
        }
    }

    @Override
    public Optional<Path> locate(String sha256) {
        if (!Sha256.isHex(sha256)) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path pathOf(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
