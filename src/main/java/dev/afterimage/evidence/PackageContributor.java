package dev.afterimage.evidence;

import java.util.List;

/**
 * Adds files to evidence packages, e.g. trusted timestamps over the chain entries that cover the packaged records.
 * Called inside a transaction; what it returns is listed in {@code datapackage.json} and signed with the rest.
 */
public interface PackageContributor {

    /** The files this contributor adds for a package of these posts; paths must not clash with the package's own. */
    List<PackageFile> filesFor(PackageScope scope);
}
