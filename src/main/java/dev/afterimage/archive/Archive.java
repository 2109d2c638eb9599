package dev.afterimage.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.hash.Sha256;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.url.MentionUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes posts and versions, always inside the caller's transaction. The media they point at were recorded by
 * {@link MediaCatalogue#register} when they were stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Archive {

    private final ObjectMapper json;
    private final EvidenceChain chain;

    public Archive(ObjectMapper json, EvidenceChain chain) {
        this.json = json;
        this.chain = chain;
    }

    public Post recordNewPost(long accountId, ObservedPost observed) {
        SourcePost source = observed.post();
        Post post = new Post();
        post.accountId = accountId;
        post.platformPostId = source.platformPostId();
        post.url = source.url();
        post.linkedUrl = MentionUrl.parse(source.url())
                .map(mention -> mention.linked().url())
                .orElse(null);
        post.publishedAt = source.publishedAt();
        post.firstSeenAt = observed.observedAt();
        post.sightedAt = observed.observedAt();
        post.lastSeenAt = observed.observedAt();
        post.state = PostState.LIVE;
        post.contentHash = observed.contentHash().hex();
        post.persist();
        recordVersion(post, observed);
        return post;
    }

    public PostVersion recordVersion(Post post, ObservedPost observed) {
        SourcePost source = observed.post();
        PostVersion version = new PostVersion();
        version.postId = post.id;
        version.observedAt = observed.observedAt();
        version.text = source.text();
        version.textSha256 = NormalisedContent.textHash(source.text());
        version.platformVersionAt = source.versionAt();
        version.html = source.html();
        version.editedMarker = source.edited();
        version.detailsJson = detailsOf(source);
        version.contentHash = observed.contentHash().hex();
        version.rawFragment = source.rawFragment();
        version.rawSha256 = Sha256.of(source.rawFragment());
        version.sourceUrl = observed.sourceUrl();
        if (observed.capture() != null) {
            version.captureId = Capture.ofPage(observed.capture()).id;
        }
        version.persist();
        chain.appendVersion(version, post);
        List<ObservedMedia> media = observed.media();
        List<VersionMedia> links = new ArrayList<>();
        for (int position = 0; position < media.size(); position++) {
            ObservedMedia item = media.get(position);
            VersionMedia link = new VersionMedia();
            link.versionId = version.id;
            link.position = position;
            link.kind = item.source().kind();
            link.sourceUrl = item.source().url();
            link.mediaSha256 = item.sha256().orElse(null);
            link.persist();
            links.add(link);
        }
        // The links just written, in position order; asking the database would flush the whole batch first.
        chain.appendMediaLinks(version, links);
        post.contentHash = version.contentHash;
        return version;
    }

    /**
     * Fills in the downloads a version still owes from an observation already judged to show the same content,
     * and re-hashes the version with them.
     */
    public void fillMissingMedia(Post post, PostVersion version, List<VersionMedia> links, ObservedPost observed) {
        List<ObservedMedia> media = observed.media();
        for (VersionMedia link : links) {
            if (link.mediaSha256 == null) {
                link.mediaSha256 = media.get(link.position).sha256().orElse(null);
            }
        }
        chain.appendMediaLinks(version, links);
        version.contentHash = NormalisedContent.hash(
                        observed.post(),
                        links.stream().map(link -> link.mediaSha256).toList())
                .hex();
        post.contentHash = version.contentHash;
    }

    /**
     * Adopts the hash of an observation judged to carry the newest version's very bytes, read anew: no version is
     * written, so later polls compare alike.
     */
    public void adoptContentHash(Post post, ContentHash contentHash) {
        post.contentHash = contentHash.hex();
    }

    /** The post was seen (in a listing or at its permalink): it is not missing, and is next re-checked then. */
    public void markSeen(Post post, Instant seenAt, Instant nextRecheckAt) {
        post.sightedAt = seenAt;
        post.lastSeenAt = seenAt;
        post.missingSince = null;
        post.nextRecheckAt = nextRecheckAt;
    }

    /**
     * A listing of the account showed exactly these live posts, every one as archived, and nothing else, at
     * {@code seenAt}. While its polls keep doing so they are one {@link ListingRun}, and each writes only the run's
     * last sighting; a poll that starts a run writes every member's.
     */
    public void markListedAgain(long accountId, List<Long> postIds, Instant seenAt) {
        String members = ListingRun.membersOf(postIds);
        if (ListingRun.extend(accountId, members, seenAt)) {
            return;
        }
        ListingRun.end(accountId);
        markSeenAgain(postIds, seenAt);
        if (postIds.size() <= ListingRun.MAX_MEMBERS) {
            ListingRun.start(accountId, members, seenAt);
        }
    }

    /**
     * The account's polls no longer list the same posts unchanged, or are about to write some posts' sightings on
     * their own: its {@link ListingRun}, if any, ends, its members seen through its last poll.
     */
    public void endListingRun(long accountId) {
        ListingRun.end(accountId);
    }

    /**
     * Live posts archived exactly as a listing showed them again were seen then: one statement for them all, where
     * {@link #markSeen} writes each post. A post no longer live, or missing, by the time it runs is left as it is. The
     * statement names its tables, so Hibernate writes the pending changes of posts before it and no other entity's (a
     * poll's record changes its account too, and writes it once, at the commit).
     */
    public void markSeenAgain(List<Long> postIds, Instant seenAt) {
        for (int from = 0; from < postIds.size(); from += Post.KEYS_PER_QUERY) {
            Post.getEntityManager()
                    .createNativeQuery("UPDATE post_sighting SET last_seen_at = ?1 WHERE post_id IN (?2) AND EXISTS"
                            + " (SELECT 1 FROM post WHERE post.id = post_sighting.post_id AND post.state = ?3"
                            + " AND post.missing_since IS NULL)")
                    .setParameter(1, seenAt)
                    .setParameter(2, postIds.subList(from, Math.min(postIds.size(), from + Post.KEYS_PER_QUERY)))
                    .setParameter(3, PostState.LIVE.name())
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .addSynchronizedQuerySpace("post")
                    .addSynchronizedQuerySpace("post_sighting")
                    .executeUpdate();
        }
    }

    /** When the post is next asked about by permalink. */
    public void scheduleRecheck(Post post, Instant nextRecheckAt) {
        post.nextRecheckAt = nextRecheckAt;
    }

    /** The post's permalink was asked about, whatever it answered. */
    public void markChecked(Post post, Instant askedAt) {
        post.lastCheckedAt = askedAt;
    }

    /** A listing that should have shown the post did not; the first such miss is the one kept. */
    public void markMissing(Post post, Instant missedAt) {
        if (post.missingSince == null) {
            post.missingSince = missedAt;
        }
    }

    /**
     * Records a confirmed deletion and appends it to the evidence chain, with the permalink answer that proved it
     * when there is one. The deletion's time is set before the chain hashes it.
     */
    public void markDeleted(Post post, Instant confirmedAt, Instant firstMissedAt, PageCapture capture) {
        post.state = PostState.DELETED;
        post.deletedAt = confirmedAt;
        if (capture != null) {
            post.deletionCaptureId = Capture.ofPage(capture).id;
        }
        chain.appendDeletion(post);
        post.missingSince = firstMissedAt;
        post.nextRecheckAt = null;
    }

    /** Records that a post reported deleted came back, and appends that to the evidence chain. */
    public void markRestored(Post post) {
        post.state = PostState.LIVE;
        post.deletedAt = null;
        post.deletionCaptureId = null;
        chain.appendRestoration(post);
    }

    private String detailsOf(SourcePost post) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("linkPreview", post.linkPreview());
        details.put("attachments", post.attachments());
        details.put("forwardedFrom", post.forwardedFrom());
        details.put("replyTo", post.replyTo());
        details.put("views", post.views());
        details.put("reactions", post.reactions());
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + post.url() + " are not serialisable", e);
        }
    }
}
