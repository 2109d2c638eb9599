package dev.afterimage.archive;

import java.time.Instant;

/**
 * What the archive holds of a post apart from its versions: read as values, without loading the entity, by the
 * questions every poll asks (which posts the listing should show, which are due a re-check, what the listed ones
 * were). A poll reads dozens of them and changes none, so they are not entities to be tracked and checked at commit.
 *
 * @param contentHash the content hash of the newest version
 */
public record StoredPost(
        long id,
        String platformPostId,
        String url,
        Instant publishedAt,
        PostState state,
        Instant missingSince,
        String contentHash,
        Instant nextRecheckAt) {}
