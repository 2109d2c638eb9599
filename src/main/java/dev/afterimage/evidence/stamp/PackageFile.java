package dev.afterimage.evidence.stamp;

/** One file of an evidence package: its path inside the package and its bytes. */
public record PackageFile(String path, byte[] bytes) {}
