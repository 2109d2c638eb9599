package dev.afterimage.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.archive.Media;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.source.MediaKind;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** A post with every archived version, its media and hashes, and the events about it. */
public record PostDetailView(PostView post, List<VersionView> versions, List<EventView> events) {

    /** The post as one version showed it: that version only, and the events raised before it was superseded. */
    public static PostDetailView asOf(Post post, PostVersion version) {
        List<EventView> events = EventRecord.ofPost(post.id).stream()
                .filter(event -> !event.detectedAt.isAfter(version.observedAt))
                .map(EventView::of)
                .toList();
        return new PostDetailView(PostView.of(post), List.of(VersionView.of(version)), events);
    }

    /** Everything archived about the post; call inside a transaction. */
    public static PostDetailView of(Post post) {
        List<VersionView> versions =
                PostVersion.ofPost(post.id).stream().map(VersionView::of).toList();
        List<EventView> events =
                EventRecord.ofPost(post.id).stream().map(EventView::of).toList();
        return new PostDetailView(PostView.of(post), versions, events);
    }

    /** One version; {@code details} is its JSON of link preview, attachments, forward, reply, views, reactions. */
    public record VersionView(
            long id,
            Instant observedAt,
            String text,
            String html,
            boolean editedMarker,
            String contentHash,
            String rawSha256,
            String sourceUrl,
            @JsonRawValue String details,
            List<MediaView> media) {

        static VersionView of(PostVersion version) {
            List<MediaView> media = VersionMedia.ofVersion(version.id).stream()
                    .map(MediaView::of)
                    .toList();
            return new VersionView(
                    version.id,
                    version.observedAt,
                    version.text,
                    version.html,
                    version.editedMarker,
                    version.contentHash,
                    version.rawSha256,
                    version.sourceUrl,
                    version.detailsJson,
                    media);
        }
    }

    /**
     * One media item of a version. {@code sha256} is null while its download is still owed.
     *
     * @param url where this instance serves the bytes
     * @param perceptualHash the 64-bit dHash in hex, for images
     * @param imageNote why a picture has no dHash, e.g. its size was over the decoding budget
     */
    public record MediaView(
            int position,
            MediaKind kind,
            String sha256,
            String url,
            String contentType,
            Long size,
            Integer width,
            Integer height,
            String perceptualHash,
            String sourceUrl,
            String imageNote) {

        static MediaView of(VersionMedia link) {
            Media media = link.mediaSha256 == null ? null : Media.findById(link.mediaSha256);
            if (media == null) {
                return new MediaView(
                        link.position, link.kind, null, null, null, null, null, null, null, link.sourceUrl, null);
            }
            return new MediaView(
                    link.position,
                    link.kind,
                    media.sha256,
                    "/media/" + media.sha256,
                    media.contentType,
                    media.sizeBytes,
                    media.width,
                    media.height,
                    media.perceptualHash == null ? null : HexFormat.of().toHexDigits(media.perceptualHash),
                    link.sourceUrl,
                    media.imageNote);
        }
    }
}
