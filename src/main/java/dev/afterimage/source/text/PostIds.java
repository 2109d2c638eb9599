package dev.afterimage.source.text;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.ColumnWidth;

/** Publisher-chosen post ids (a feed's guid, an article's URL) made to fit where ids are stored. */
public final class PostIds {

    private PostIds() {}

    /** The id itself, stripped; one too long to store is replaced by {@code sha256:} and the hash of it. */
    public static String fitting(String id) {
        String stripped = id.strip();
        return stripped.length() <= ColumnWidth.NAME ? stripped : "sha256:" + Sha256.ofText(stripped);
    }
}
