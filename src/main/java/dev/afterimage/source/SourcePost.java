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

    /** A post of a platform without revisions or a reported edit history. */
    public SourcePost(
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
            byte[] rawFragment) {
        this(
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
                null,
                null,
                List.of());
    }

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

    /** This post carrying the platform's revision id and version time. */
    public SourcePost withRevision(String revision, Instant versionAt) {
        return with(revision, versionAt, earlierVersions);
    }

    /** This post carrying the earlier versions the platform reports, oldest first. */
    public SourcePost withEarlierVersions(List<SourcePost> earlier) {
        return with(revision, versionAt, earlier);
    }

    private SourcePost with(String revision, Instant versionAt, List<SourcePost> earlier) {
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
                earlier);
    }
}
