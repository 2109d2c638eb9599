package dev.afterimage.archive;

import dev.afterimage.source.SourceMedia;
import java.util.Optional;

/** A media item a post showed, and its stored copy when the download succeeded. */
public record ObservedMedia(SourceMedia source, Optional<StoredMedia> stored) {

    public Optional<String> sha256() {
        return stored.map(StoredMedia::sha256);
    }
}
