package dev.afterimage.source;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A post exactly as one fetch saw it.
 *
 * <p>The stable content (text, media in order, link preview, attachments, forwarded-from, reply-to) is what
 * versions are compared on; {@link #views()} and {@link #reactions()} change all the time and are kept only as
 * information. {@link #rawFragment()} holds the bytes of the post's markup exactly as received, as evidence.
 *
 * @param platformPostId the platform's id of the post, unique within the account (Telegram: the message id)
 * @param url the canonical public URL of the post, whatever base URL it was fetched from
 * @param publishedAt when the platform says the post was published; null when the page does not say
 * @param text the text as plain text (line breaks kept)
 * @param html the text as sanitised HTML (safe to render)
 * @param edited whether the platform marks the post as edited
 * @param forwardedFrom the name of the source of a forwarded post, or null
 * @param replyTo the URL of the post this one replies to, or null
 * @param views the view counter as shown (e.g. "12.5M"), or null
 * @param reactions the reactions as shown, or an empty string
 * @param revision the platform's own identifier of this version of the post (a Bluesky record CID, the newest id
 *     of an X edit history, a Mastodon {@code edited_at}), or null where the platform has none; a new revision is
 *     a new version even when nothing else visible changed
 * @param versionAt when the platform says this version was made (an edit's time), or null when it does not say
 * @param earlierVersions the post's earlier versions as the platform itself reports them, oldest first (Mastodon's
 *     edit history); empty when the platform reports none. They are archived with the post, so edits made between
 *     two polls are not lost.
 */
public record SourcePost(
        String platformPostId,
        String url,
        Instant publishedAt,
        String text,
        String html,
        boolean edited,
        List<SourceMedia> media,
        LinkPreview linkPreview,
        List<Attachment> attachments,
        String forwardedFrom,
        String replyTo,
        String views,
        String reactions,
        byte[] rawFragment,
        String revision,
        Instant versionAt,
        List<SourcePost> earlierVersions) {

    public SourcePost {
        Objects.requireNonNull(platformPostId, "platformPostId");
        Objects.requireNonNull(url, "url");
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        media = List.copyOf(media);
        attachments = List.copyOf(attachments);
        reactions = reactions == null ? "" : reactions;
        Objects.requireNonNull(rawFragment, "rawFragment");
        earlierVersions = earlierVersions == null ? List.of() : List.copyOf(earlierVersions);
    }

    /** Newest published first; posts without a date keep their order after the dated ones. */
    public static final Comparator<SourcePost> NEWEST_FIRST =
            Comparator.comparing(SourcePost::publishedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    /** A post with the given id and URL and the bytes it was read from; everything else starts empty. */
    public static Builder builder(String platformPostId, String url, byte[] rawFragment) {
        return new Builder(platformPostId, url, rawFragment);
    }

    /** A builder holding everything this post holds. */
    public Builder toBuilder() {
        return new Builder(platformPostId, url, rawFragment)
                .publishedAt(publishedAt)
                .text(text, html)
                .edited(edited)
                .media(media)
                .linkPreview(linkPreview)
                .attachments(attachments)
                .forwardedFrom(forwardedFrom)
                .replyTo(replyTo)
                .views(views)
                .reactions(reactions)
                .revision(revision, versionAt)
                .earlierVersions(earlierVersions);
    }

    /** This post carrying the platform's revision id and version time. */
    public SourcePost withRevision(String revision, Instant versionAt) {
        return toBuilder().revision(revision, versionAt).build();
    }

    /** This post carrying the earlier versions the platform reports, oldest first. */
    public SourcePost withEarlierVersions(List<SourcePost> earlier) {
        return toBuilder().earlierVersions(earlier).build();
    }

    /** Builds a {@link SourcePost} one named part at a time; the parameters of the record say what each means. */
    public static final class Builder {
        private String platformPostId;
        private final String url;
        private final byte[] rawFragment;
        private Instant publishedAt;
        private String text;
        private String html;
        private boolean edited;
        private List<SourceMedia> media = List.of();
        private LinkPreview linkPreview;
        private List<Attachment> attachments = List.of();
        private String forwardedFrom;
        private String replyTo;
        private String views;
        private String reactions;
        private String revision;
        private Instant versionAt;
        private List<SourcePost> earlierVersions = List.of();

        private Builder(String platformPostId, String url, byte[] rawFragment) {
            this.platformPostId = platformPostId;
            this.url = url;
            this.rawFragment = rawFragment;
        }

        public Builder platformPostId(String platformPostId) {
            this.platformPostId = platformPostId;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        /** The text as plain text and as sanitised HTML. */
        public Builder text(String plain, String html) {
            this.text = plain;
            this.html = html;
            return this;
        }

        public Builder edited(boolean edited) {
            this.edited = edited;
            return this;
        }

        public Builder media(List<SourceMedia> media) {
            this.media = media;
            return this;
        }

        public Builder linkPreview(LinkPreview linkPreview) {
            this.linkPreview = linkPreview;
            return this;
        }

        public Builder attachments(List<Attachment> attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder forwardedFrom(String forwardedFrom) {
            this.forwardedFrom = forwardedFrom;
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder views(String views) {
            this.views = views;
            return this;
        }

        public Builder reactions(String reactions) {
            this.reactions = reactions;
            return this;
        }

        /** The platform's revision id and when it says this version was made; either may be null. */
        public Builder revision(String revision, Instant versionAt) {
            this.revision = revision;
            this.versionAt = versionAt;
            return this;
        }

        public Builder earlierVersions(List<SourcePost> earlierVersions) {
            this.earlierVersions = earlierVersions;
            return this;
        }

        public SourcePost build() {
            return new SourcePost(
                    platformPostId,
                    url,
                    publishedAt,
                    text,
                    html,
                    edited,
                    media,
                    linkPreview,
                    attachments,
                    forwardedFrom,
                    replyTo,
                    views,
                    reactions,
                    rawFragment,
                    revision,
                    versionAt,
                    earlierVersions);
        }
    }
}
