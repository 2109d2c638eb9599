package dev.afterimage.evidence;

import java.util.List;

/**
 * What one evidence package holds, as a {@link PackageContributor} sees it.
 *
 * @param postIds the packaged posts
 * @param chainSeqs the evidence-chain entries about the packaged versions, media and deletions, in order
 */
public record PackageScope(List<Long> postIds, List<Long> chainSeqs) {

    public PackageScope {
        postIds = List.copyOf(postIds);
        chainSeqs = List.copyOf(chainSeqs);
    }
}
