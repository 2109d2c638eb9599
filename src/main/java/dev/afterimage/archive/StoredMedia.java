package dev.afterimage.archive;

import java.util.Optional;

/** A media file safely in the {@link MediaStore}, with what was learnt of it on the way in. */
public record StoredMedia(String sha256, String contentType, long size, Optional<ImageFacts> image) {}
