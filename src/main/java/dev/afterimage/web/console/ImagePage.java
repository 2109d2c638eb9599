package dev.afterimage.web.console;

import java.util.List;

/**
 * The "Search by image" page: the form, the answer of a search, the reference sets with thumbnails, and how far the
 * background hashing of older images has come.
 *
 * @param results null before a search
 */
public record ImagePage(
        List<Result> results,
        String error,
        List<ReferenceSetCard> referenceSets,
        long backfillDone,
        long backfillRemaining) {

    /** One match: a thumbnail, what it is, and how near. */
    public record Result(String imageUrl, String link, String what, String how, int distance) {}

    /** A reference set and its first pictures. */
    public record ReferenceSetCard(
            long id, String name, String description, long imageCount, List<Thumbnail> thumbnails) {}

    /** One reference picture. */
    public record Thumbnail(String url, String name) {}
}
