package dev.afterimage.match;

import dev.afterimage.pdq.PdqResult;
import java.time.Instant;

/**
 * What to look for: a picture, and for a picture of a post, which post (never matched to itself), whose account,
 * which file, and when it was published (only earlier posts count). The post fields are null for a search.
 */
public record MatchQuery(PdqResult pdq, Long postId, Long accountId, String mediaSha256, Instant publishedAt) {

    public static MatchQuery search(PdqResult pdq) {
        return new MatchQuery(pdq, null, null, null, null);
    }
}
