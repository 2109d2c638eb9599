package dev.afterimage.source.feed;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.Redirects;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.source.url.MentionUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RSS, Atom and JSON feeds, YouTube channel feeds and ministries' press-release feeds among them. The handle is the
 * feed's URL.
 *
 * <p>A feed shows only its latest entries, so an entry dropping out of it proves nothing: it may simply have been
 * pushed out by newer ones. Its pages are therefore marked as not reaching the first post, and a missing entry is
 * declared deleted only when its own link answers 404 or 410. A feed URL that answers 404 or 410 means the feed
 * was removed.
 */
@ApplicationScoped
public class FeedSource implements PostSource {

    // Servers that negotiate content send a feed to a client that says it wants one, and an HTML page otherwise.
    private static final Map<String, String> ACCEPT = Map.of(
            "Accept",
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
                    + " text/xml;q=0.9, */*;q=0.1");

    private final WebClient web;

    public FeedSource(WebClient web) {
        this.web = web;
    }

    @Override
    public Platform platform() {
        return Platform.RSS;
    }

    @Override
    public ListingResult listing(AccountRef account, Optional<String> olderPageCursor) {
        if (olderPageCursor.isPresent()) {
            return new ListingResult.Unknown(account.handle() + ": a feed has no older pages");
        }
        return feed(account.handle(), Optional.empty());
    }

    @Override
    public ListingResult newestPage(AccountRef account, PageDigest known) {
        return feed(account.handle(), Optional.of(known));
    }

    private ListingResult feed(String url, Optional<PageDigest> known) {
        return switch (Redirects.follow(web, url, ACCEPT)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.isSuccessful() -> read(url, page, known);
            case HttpOutcome.Received gone
            when gone.isGone() ->
                new ListingResult.AccountGone("the feed " + gone.url() + " answered HTTP " + gone.status());
            case HttpOutcome.Received other ->
                new ListingResult.Unknown(url + ": " + other.url() + " answered HTTP " + other.status());
        };
    }

    /**
     * Asks the entry's own link, the article or video page. Its content is another rendering than the feed's, so
     * only its existence is reported.
     */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        return PostChecks.each(posts, post -> check(account, post));
    }

    PermalinkCheck check(AccountRef account, PostRef post) {
        String url = MentionUrl.linkOf(post.url());
        if (url.equals(account.handle())) {
            return new PermalinkCheck.Unknown("the entry has no link of its own to ask");
        }
        return switch (Redirects.follow(web, url, Map.of())) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.isSuccessful() -> new PermalinkCheck.Found(null);
            case HttpOutcome.Received gone
            when gone.isGone() ->
                new PermalinkCheck.Gone(
                        "the entry's link " + gone.url() + " answered HTTP " + gone.status(),
                        new PageCapture(gone.url(), gone.exchange(), gone.body()));
            case HttpOutcome.Received other ->
                new PermalinkCheck.Unknown(url + ": " + other.url() + " answered HTTP " + other.status());
        };
    }

    /** The page's digest is taken once: against the known digest and for the reading. */
    private static ListingResult read(String url, HttpOutcome.Received page, Optional<PageDigest> known) {
        PageDigest digest = PageDigest.of(page.body(), page.url(), page.contentType());
        return ListingResult.Unchanged.orRead(url, digest, known, () -> page(url, page, digest));
    }

    /**
     * A feed is read with its content type, which may name its encoding, and its address, which its links resolve on:
     * both are in its digest.
     */
    private static ListingResult page(String url, HttpOutcome.Received page, PageDigest digest) {
        return switch (FeedParser.parse(page.body(), page.contentType(), page.url())) {
            case ParsedFeed.NotAFeed notAFeed -> new ListingResult.Unknown(page.url() + ": " + notAFeed.why());
            case ParsedFeed.Entries entries ->
                new ListingResult.Page(
                        url,
                        // Most feeds list newest first, some oldest first.
                        entries.entries().stream()
                                .sorted(SourcePost.NEWEST_FIRST)
                                .toList(),
                        Optional.empty(),
                        new PageCapture(page.url(), page.exchange(), page.body()),
                        false,
                        entries.title(),
                        Optional.of(digest));
        };
    }
}
