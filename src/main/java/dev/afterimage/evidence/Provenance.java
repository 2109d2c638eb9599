package dev.afterimage.evidence;

import java.util.List;

/**
 * What {@code provenance.html} tells a reader who has only the package: what was captured, from where, when, every
 * hash, and how to check it all without Afterimage.
 */
record Provenance(
        String title,
        String software,
        String created,
        String keyFingerprint,
        List<PostFacts> posts,
        List<ChainFact> chain,
        List<StampFact> timestamps,
        List<FileFact> files) {

    record PostFacts(
            long id,
            String url,
            String account,
            String publishedAt,
            String firstSeenAt,
            String lastSeenAt,
            String state,
            String deletionWindow,
            List<VersionFacts> versions,
            List<CaptureFacts> deletionProof) {}

    record VersionFacts(
            int number,
            String observedAt,
            String text,
            String rawSha256,
            String contentHash,
            List<CaptureFacts> captures,
            List<MediaFacts> media) {}

    /** One fetch kept in the WARC; network facts are those the WARC records carry, where the capture kept them. */
    record CaptureFacts(
            String url, String fetchedAt, String bodySha256, String ipAddress, List<CertificateFacts> certificates) {}

    record CertificateFacts(String subject, String issuer, String sha256) {}

    record MediaFacts(int position, String kind, String sha256, String contentType, long bytes, String sourceUrl) {}

    record ChainFact(
            long seq,
            String kind,
            String recordRef,
            String recordHash,
            String previousHash,
            String entryHash,
            String appendedAt) {}

    record StampFact(String file, String digest, String tsa, String stampedAt, String headSeq) {}

    record FileFact(String path, String sha256, long bytes) {}
}
