package dev.afterimage.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's way of reading public posts. How the platform names its accounts and posts is its
 * {@link PlatformNaming}.
 *
 * <p>Contract: implementations never throw for anything the network or the platform does; every such
 * outcome is a value. {@code Gone} and {@code AccountGone} are returned only when the platform's own answer
 * says so definitively; everything doubtful is {@code Unknown}. Implementations know nothing of the database.
 */
public interface PostSource {

    Platform platform();

    /**
     * Why this source cannot be used at all (e.g. no API token is configured), or empty when it can. A disabled
     * source refuses new accounts with this message and answers {@code Unknown} for existing ones.
     */
    default Optional<String> disabledReason() {
        return Optional.empty();
    }

    /**
     * Fetches one page of the account's posts, newest first.
     *
     * @param olderPageCursor empty for the newest page, else a cursor from a previous {@link ListingResult.Page}
     */
    ListingResult listing(AccountRef account, Optional<String> olderPageCursor);

    /**
     * The newest page of the account's listing, as {@link #listing} fetches it, unless its digest is {@code known}:
     * then {@link ListingResult.Unchanged}, not read again. A source that gives its newest page a
     * {@link ListingResult.Page#digest} answers so; one whose platform answers differently at every request (counters
     * on an API's posts) gives none, since comparing would only cost a hash, and is never asked.
     */
    default ListingResult newestPage(AccountRef account, PageDigest known) {
        return listing(account, Optional.empty());
    }

    /**
     * Asks whether posts of one account still exist, as cheaply as the platform allows (X answers up to 100 ids in one
     * request, others ask each post's own permalink). The answer has an entry for every post asked about, by platform
     * post id.
     */
    Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts);

    /**
     * The platform's stable id of the account (a Bluesky DID, an X user id) as this source last resolved it, without
     * asking the platform; empty where handles cannot pass to another account or nothing was resolved yet. The
     * watcher stores it and passes it back in {@link AccountRef#accountId()}, so a handle taken over by someone
     * else is told apart from the watched account, across restarts too.
     */
    default Optional<String> accountIdentity(AccountRef account) {
        return Optional.empty();
    }
}
