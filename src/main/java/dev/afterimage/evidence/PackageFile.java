package dev.afterimage.evidence;

import java.util.Objects;

/**
 * A file added to an evidence package besides its archive, index and pages, e.g. {@code timestamps/1.tsr}: listed in
 * {@code datapackage.json} and so covered by the package's signature like every other file.
 *
 * @param path the path inside the package, with forward slashes and no leading one
 */
public record PackageFile(String path, byte[] bytes) {

    public PackageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be relative inside the package, not \"" + path + "\"");
        }
    }
}
