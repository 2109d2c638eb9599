package dev.afterimage.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.SourcePost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes posts, versions and media records, always inside the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Archive {

    private final ObjectMapper json;

    public Archive(ObjectMapper json) {
        this.json = json;
    }

    public Post recordNewPost(long accountId, ObservedPost observed, Instant now) {
        SourcePost source = observed.post();
        Post post = new Post();
        post.accountId = accountId;
        post.platformPostId = source.platformPostId();
        post.url = source.url();
        post.publishedAt = source.publishedAt();
        post.firstSeenAt = now;
        post.lastSeenAt = now;
        post.state = PostState.LIVE;
        post.contentHash = observed.contentHash();
        post.persist();
        recordVersion(post, observed, now);
        return post;
    }

    public PostVersion recordVersion(Post post, ObservedPost observed, Instant now) {
        SourcePost source = observed.post();
        PostVersion version = new PostVersion();
        version.postId = post.id;
        version.observedAt = now;
        version.text = source.text();
        version.html = source.html();
        version.editedMarker = source.edited();
        version.detailsJson = detailsOf(source);
        version.contentHash = observed.contentHash();
        version.rawFragment = source.rawFragment();
        version.rawSha256 = Sha256.of(source.rawFragment());
        version.sourceUrl = observed.sourceUrl();
        version.persist();
        List<ObservedMedia> media = observed.media();
        for (int position = 0; position < media.size(); position++) {
            ObservedMedia item = media.get(position);
            VersionMedia link = new VersionMedia();
            link.versionId = version.id;
            link.position = position;
            link.kind = item.source().kind();
            link.sourceUrl = item.source().url();
            link.mediaSha256 = item.stored().map(stored -> register(stored, item.source().url(), now)).orElse(null);
            link.persist();
        }
        post.contentHash = version.contentHash;
        return version;
    }

    /**
     * Fills in the downloads a version still owes from an observation already judged to show the same content,
     * and re-hashes the version with them.
     */
    public void fillMissingMedia(Post post, PostVersion version, List<VersionMedia> links, ObservedPost observed, Instant now) {
        List<ObservedMedia> media = observed.media();
        for (VersionMedia link : links) {
            ObservedMedia seen = media.get(link.position);
            if (link.mediaSha256 == null && seen.stored().isPresent()) {
                link.mediaSha256 = register(seen.stored().get(), seen.source().url(), now);
            }
        }
        version.contentHash = NormalisedContent.hash(observed.post(), links.stream().map(link -> link.mediaSha256).toList());
        post.contentHash = version.contentHash;
    }

    private String register(StoredMedia stored, String url, Instant now) {
        if (Media.findById(stored.sha256()) == null) {
            Media media = new Media();
            media.sha256 = stored.sha256();
            media.contentType = stored.contentType();
            media.sizeBytes = stored.size();
            stored.image().ifPresent(image -> {
                media.width = image.width();
                media.height = image.height();
                media.perceptualHash = image.dHash();
            });
            media.firstSeenAt = now;
            media.persist();
        }
        if (MediaSource.mediaFor(url).filter(stored.sha256()::equals).isEmpty()) {
            MediaSource source = new MediaSource();
            source.mediaSha256 = stored.sha256();
            source.url = url;
            source.urlSha256 = Sha256.ofText(url);
            source.firstSeenAt = now;
            source.persist();
        }
        return stored.sha256();
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
