package dev.afterimage.web.replay;

/**
 * A copy of a post URL that only a third party served: an entry of a watched feed or web page that links the post.
 *
 * @param postId the archived entry
 * @param platform the platform of the account that served it, e.g. {@code rss}
 * @param account that account's handle (for a feed, its URL)
 * @param accountId that account's id
 * @param archivedUrl the URL the entry is archived under, which {@code /archive?url=} answers
 */
public record ThirdPartyMention(long postId, String platform, String account, long accountId, String archivedUrl) {

    /** How the entry is named to a reader. */
    public String source() {
        return platform + " account " + account + " (account " + accountId + ")";
    }
}
