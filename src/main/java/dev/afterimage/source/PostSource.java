package dev.afterimage.source;

import java.util.Optional;

/**
 * One platform's way of reading public posts.
 *
 * <p>Contract: implementations never throw for anything the network or the platform does; every such
 * outcome is a value. {@code Gone} and {@code AccountGone} are returned only when the platform's own answer
 * says so definitively; everything doubtful is {@code Unknown}. Implementations know nothing of the database.
 */
public interface PostSource {

    Platform platform();

    /**
     * Fetches one page of the account's posts, newest first.
     *
     * @param olderPageCursor empty for the newest page, else a cursor from a previous {@link ListingResult.Page}
     */
    ListingResult listing(AccountRef account, Optional<String> olderPageCursor);

    /** Asks the post's own permalink whether the post still exists. */
    PermalinkCheck check(AccountRef account, String platformPostId);

    /** The canonical public URL of a post, e.g. {@code https://t.me/durov/523}. */
    String canonicalPostUrl(AccountRef account, String platformPostId);

    /** The handle as this platform treats it (e.g. lower case), or empty when it is not a valid handle here. */
    Optional<String> normaliseHandle(String handle);

    /** The handle named by one of this platform's profile URLs, or empty when the URL is not one. */
    Optional<String> handleFromProfileUrl(java.net.URI url);

    /** The canonical public URL of an account, e.g. {@code https://t.me/durov}. */
    String canonicalAccountUrl(AccountRef account);
}
