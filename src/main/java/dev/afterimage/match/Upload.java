package dev.afterimage.match;

import java.nio.file.Path;

/** One uploaded file, as the client named it, waiting in a temporary file. */
public record Upload(String name, Path file, String contentType) {}
