package dev.afterimage.web.replay;

import java.util.List;

/**
 * Everything the archived view of one post shows, already worded and escaped where needed.
 *
 * @param deletedBanner e.g. "Deleted — detected 14 Nov 2017 10:57 UTC, 57 min after publication", or null
 * @param versions newest first
 * @param crossPostedAs the same text published by the account's group on other platforms
 * @param source who served this copy: platform and account, e.g. "telegram account mod_russia"
 * @param mentionOf the other platform's post this feed entry or web-page item links, or null: a mention, not a copy
 */
public record ArchivedPostPage(
        String accountName,
        String accountHandle,
        String platform,
        String accountUrl,
        String postUrl,
        String state,
        String deletedBanner,
        Moment published,
        Moment firstSeen,
        Moment lastSeen,
        List<VersionBlock> versions,
        String timemapUrl,
        String jsonUrl,
        List<CrossPosts.CrossPost> crossPostedAs,
        String source,
        String mentionOf) {

    /** A point in time shown in UTC, with its ISO form for machines and the viewer's time zone. */
    public record Moment(String utc, String iso) {}

    /**
     * One archived version.
     *
     * @param html the text as sanitised HTML
     * @param diffHtml the word diff from the version before it (escaped), or null for the first version
     */
    public record VersionBlock(
            int number,
            Moment observed,
            String html,
            String diffHtml,
            boolean editedMarker,
            List<MediaItem> media,
            String contentHash,
            String rawSha256,
            String rawUrl,
            String mementoUrl) {}

    /** A media file of a version: where this instance serves it and what proves it. */
    public record MediaItem(
            String kind,
            String url,
            String sha256,
            String size,
            String contentType,
            String dimensions,
            boolean image,
            boolean video,
            boolean missing) {}
}
