package dev.afterimage.source.facebook;

import dev.afterimage.source.AccountBarrier;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facebook Pages through the Graph API with a page or app token: the listing {@code /<page>/posts} paged by the
 * {@code after} cursor, the page itself {@code /<page>?fields=id,name}, and each post {@code /<post id>}.
 *
 * <p>The Graph API answers a deleted post with error 100/33 ("does not exist, cannot be loaded due to missing
 * permissions, or does not support this operation"), which is also what it says when the token may not read the
 * page. So a post is Gone only when the page itself still answers in the same call, and a page is gone only when
 * asking for the page itself answers 100/33 or 803 ("aliases you requested do not exist").
 */
@ApplicationScoped
public class FacebookSource implements PostSource {

    static final String DISABLED = "set afterimage.platforms.facebook.access-token: either the Page's own Page access"
            + " token (from an admin of that Page; reads only that Page), or an app access token of a Meta app granted"
            + " the Page Public Content Access feature (App Review plus business verification) to read any public Page;"
            + " see docs/platforms.md#facebook";

    /** What the account state NEEDS_ACCESS means, and how to get out of it. */
    static final String NEEDS_ACCESS = "needs Page Public Content Access: the token may read only Pages it administers;"
            + " give the Page's own access token, or get the Page Public Content Access feature for the app"
            + " (docs/platforms.md#facebook)";

    private final WebClient web;
    private final String base;
    private final Optional<String> token;
    private final GraphThrottle throttle;

    public FacebookSource(WebClient web, FacebookConfig config, Clock clock) {
        this.web = web;
        this.throttle = new GraphThrottle(clock);
        this.base = config.baseUrl().replaceFirst("/+$", "") + "/" + config.apiVersion();
        this.token = config.accessToken().map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public Optional<String> disabledReason() {
        return token.isEmpty() ? Optional.of(DISABLED) : Optional.empty();
    }

    @Override
    public ListingResult listing(AccountRef account, Optional<String> olderPageCursor) {
        if (token.isEmpty()) {
            return new ListingResult.Unknown(DISABLED);
        }
        String url = base + "/" + account.handle() + "/posts?fields="
                + URLEncoder.encode(FacebookPosts.FIELDS, StandardCharsets.UTF_8) + "&limit=25"
                + olderPageCursor
                        .map(after -> "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))
                        .orElse("");
        return switch (get(url)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.status() == 200 ->
                switch (FacebookPosts.listing(page.body(), account.handle())) {
                    case FacebookPosts.Listing.Page listed ->
                        // The edge reaches back further than any walk of the watch window goes.
                        new ListingResult.Page(url, listed.posts(), listed.afterCursor(), capture(url, page));
                    case FacebookPosts.Listing.Unreadable unreadable ->
                        new ListingResult.Unknown(url + ": " + unreadable.why());
                };
            case HttpOutcome.Received other -> listingError(account, url, other);
        };
    }

    /** The page is asked once for all the posts: while it does not answer, no post's "does not exist" counts. */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        Optional<String> pageTrouble =
                token.isEmpty() ? Optional.of(DISABLED) : pageState(account).trouble();
        return pageTrouble
                .map(why ->
                        PostChecks.allUnknown(posts, "the page must answer before its posts' answers count: " + why))
                .orElseGet(() -> PostChecks.each(posts, post -> checkPost(post.platformPostId())));
    }

    /** A listing that failed with an error about the object: only the page itself can say whether it is gone. */
    private ListingResult listingError(AccountRef account, String url, HttpOutcome.Received answer) {
        Optional<GraphError> error = GraphError.in(answer.body());
        String what = url + " answered HTTP " + answer.status()
                + error.map(e -> ": " + e.describe()).orElse("");
        if (error.isPresent() && error.get().needsPagePublicContentAccess()) {
            // Facebook's definitive answer about our token: polling again changes nothing until the token does.
            return new ListingResult.AccountGone(
                    NEEDS_ACCESS + "; the Graph API answers " + error.get().describe(),
                    AccountBarrier.NEEDS_PAGE_PUBLIC_CONTENT_ACCESS);
        }
        if (error.isEmpty() || !(error.get().code() == 100 || error.get().aliasMissing())) {
            return new ListingResult.Unknown(what);
        }
        return switch (pageState(account)) {
            case PageState.Gone gone -> new ListingResult.AccountGone(gone.evidence());
            case PageState.Readable readable -> new ListingResult.Unknown(what + "; yet the page itself answers");
            case PageState.Unknown unknown -> new ListingResult.Unknown(what + "; " + unknown.reason());
        };
    }

    private PageState pageState(AccountRef account) {
        String url = base + "/" + account.handle() + "?fields=id,name";
        return switch (get(url)) {
            case HttpOutcome.Failed failed -> new PageState.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.status() == 200 && FacebookPosts.hasId(page.body()) -> new PageState.Readable();
            case HttpOutcome.Received page -> {
                Optional<GraphError> error = GraphError.in(page.body());
                // 803 says no Page has this name; 100/33 may only mean the token may not see the Page: unknown.
                yield error.filter(GraphError::aliasMissing)
                        .<PageState>map(e -> new PageState.Gone(FacebookNaming.CANONICAL_BASE + "/" + account.handle()
                                + ": the Graph API answers " + e.describe()))
                        .orElseGet(() -> new PageState.Unknown(url + " answered HTTP " + page.status()
                                + error.map(e -> ": " + e.describe()).orElse("")));
            }
        };
    }

    private PermalinkCheck checkPost(String postId) {
        String url = base + "/" + postId + "?fields=id,permalink_url";
        return switch (get(url)) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.status() == 200 && FacebookPosts.hasId(page.body()) -> new PermalinkCheck.Found(null);
            case HttpOutcome.Received page -> {
                Optional<GraphError> error = GraphError.in(page.body());
                if (page.status() == 400 && error.isPresent() && error.get().objectMissing()) {
                    yield new PermalinkCheck.Gone(
                            "the Graph API answers for post " + postId + ": "
                                    + error.get().describe(),
                            capture(url, page));
                }
                yield new PermalinkCheck.Unknown(url + " answered HTTP " + page.status()
                        + error.map(e -> ": " + e.describe() + (e.aboutUs() ? " (about our token or limits)" : ""))
                                .orElse(""));
            }
        };
    }

    private HttpOutcome get(String url) {
        Optional<String> paused = throttle.paused();
        if (paused.isPresent()) {
            return new HttpOutcome.Failed(url, paused.get());
        }
        HttpOutcome outcome = web.get(url, Map.of("Authorization", "Bearer " + token.orElseThrow()));
        if (outcome instanceof HttpOutcome.Received answer && answer.status() != 200) {
            throttle.record(GraphError.in(answer.body()), answer.header("X-Business-Use-Case-Usage"));
        }
        return outcome;
    }

    /** What asking for the page itself answered. */
    private sealed interface PageState {
        record Readable() implements PageState {}

        record Gone(String evidence) implements PageState {}

        record Unknown(String reason) implements PageState {}

        default Optional<String> trouble() {
            return switch (this) {
                case Readable readable -> Optional.empty();
                case Gone gone -> Optional.of(gone.evidence());
                case Unknown unknown -> Optional.of(unknown.reason());
            };
        }
    }

    /**
     * The answer as it is archived. Graph writes the caller's token into the {@code paging} links it answers with;
     * an archive is shared with others, so the token is blanked there (the one change made to a received body).
     */
    private PageCapture capture(String url, HttpOutcome.Received page) {
        String body = new String(page.body(), StandardCharsets.ISO_8859_1);
        String secret = token.orElseThrow();
        byte[] kept = body.contains(secret)
                ? body.replace(secret, "[redacted]").getBytes(StandardCharsets.ISO_8859_1)
                : page.body();
        return new PageCapture(url, page.exchange(), kept);
    }
}
