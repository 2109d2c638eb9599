package dev.afterimage.source.telegram;

import dev.afterimage.source.AccountBarrier;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PageDigest;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public Telegram channels through the web preview at t.me: the listing {@code /s/<channel>}, the permalink
 * {@code /<channel>/<id>?embed=1} and the landing page {@code /<channel>}.
 *
 * <p>Telegram answers nearly everything with HTTP 200, so status codes prove nothing: only the page's own words
 * do. A post is {@code Gone} only when its embed shows Telegram's "Post not found" widget; a channel is gone only
 * when {@code /s/<channel>} redirects to a landing page that says no such public channel exists.
 */
@ApplicationScoped
public class TelegramSource implements PostSource {

    private final WebClient web;
    private final String base;

    public TelegramSource(WebClient web, TelegramConfig config) {
        this.web = web;
        this.base = config.baseUrl().replaceFirst("/+$", "");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public ListingResult listing(AccountRef account, Optional<String> olderPageCursor) {
        return listing(account, olderPageCursor, Optional.empty());
    }

    @Override
    public ListingResult newestPage(AccountRef account, PageDigest known) {
        return listing(account, Optional.empty(), Optional.of(known));
    }

    /** A page is read with the channel's name, against which its posts' links are checked: both make its digest. */
    private ListingResult listing(AccountRef account, Optional<String> olderPageCursor, Optional<PageDigest> known) {
        String url = base + "/s/" + account.handle()
                + olderPageCursor.map(before -> "?before=" + before).orElse("");
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.isSuccessful() && olderPageCursor.isPresent() ->
                listingPage(url, page, account, Optional.empty());
            case HttpOutcome.Received page when page.isSuccessful() -> newestPage(url, page, account, known);
            case HttpOutcome.Received redirect
            when redirect.isRedirect()
                    && olderPageCursor.isEmpty()
                    && pointsToLanding(redirect.header("location"), account.handle()) -> landing(account);
            case HttpOutcome.Received other -> new ListingResult.Unknown(url + " answered HTTP " + other.status());
        };
    }

    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        return PostChecks.each(posts, post -> check(account, post));
    }

    PermalinkCheck check(AccountRef account, PostRef post) {
        String platformPostId = post.platformPostId();
        String url = base + "/" + account.handle() + "/" + platformPostId + "?embed=1";
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.isSuccessful() ->
                switch (TelegramPageParser.parseEmbed(
                        page.body(), account.handle(), platformPostId, TelegramNaming.CANONICAL_BASE)) {
                    case EmbedResult.Found found -> new PermalinkCheck.Found(found.post());
                    case EmbedResult.NotFound notFound ->
                        new PermalinkCheck.Gone(
                                TelegramNaming.postUrl(account.handle(), platformPostId) + "?embed=1 shows \""
                                        + notFound.evidence() + "\"",
                                new PageCapture(url, page.exchange(), page.body()));
                    case EmbedResult.Unrecognised unrecognised ->
                        new PermalinkCheck.Unknown(url + ": " + unrecognised.why());
                };
            case HttpOutcome.Received other -> new PermalinkCheck.Unknown(url + " answered HTTP " + other.status());
        };
    }

    /**
     * Only the newest page's digest is ever compared with a later fetch's, so only the newest page is digested, once:
     * against the known digest and for the reading.
     */
    private static ListingResult newestPage(
            String url, HttpOutcome.Received page, AccountRef account, Optional<PageDigest> known) {
        PageDigest digest = PageDigest.of(page.body(), account.handle());
        return ListingResult.Unchanged.orRead(
                url, digest, known, () -> listingPage(url, page, account, Optional.of(digest)));
    }

    private static ListingResult listingPage(
            String url, HttpOutcome.Received page, AccountRef account, Optional<PageDigest> digest) {
        return switch (TelegramPageParser.parseListing(page.body(), account.handle(), TelegramNaming.CANONICAL_BASE)) {
            case ParsedListing.Listing listing ->
                new ListingResult.Page(
                        url,
                        listing.postsNewestFirst(),
                        listing.olderPageCursor(),
                        new PageCapture(url, page.exchange(), page.body()),
                        true,
                        Optional.empty(),
                        digest);
            case ParsedListing.NotAChannelPage notChannel -> new ListingResult.Unknown(url + ": " + notChannel.why());
            case ParsedListing.Unparseable unparseable -> new ListingResult.Unknown(url + ": " + unparseable.why());
        };
    }

    /** Telegram sends {@code /s/<name>} to {@code /<name>} when there is no public channel of that name. */
    private static boolean pointsToLanding(String location, String handle) {
        if (location == null) {
            return false;
        }
        try {
            String path = URI.create(location.strip()).getPath();
            return path != null && path.replaceFirst("/+$", "").equalsIgnoreCase("/" + handle);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ListingResult landing(AccountRef account) {
        String url = base + "/" + account.handle();
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.isSuccessful() ->
                switch (TelegramPageParser.parseLanding(page.body())) {
                    case LandingResult.NoSuchAccount none ->
                        new ListingResult.AccountGone(
                                "t.me/s/" + account.handle() + " redirects to a page saying: " + none.evidence());
                    case LandingResult.NotPublic notPublic ->
                        new ListingResult.AccountGone(
                                "t.me/s/" + account.handle() + " redirects to t.me/" + account.handle()
                                        + ": no public preview (" + notPublic.evidence() + ")",
                                AccountBarrier.NO_PUBLIC_PREVIEW);
                    case LandingResult.Unrecognised unrecognised ->
                        new ListingResult.Unknown(url + ": " + unrecognised.why());
                };
            case HttpOutcome.Received other -> new ListingResult.Unknown(url + " answered HTTP " + other.status());
        };
    }
}
