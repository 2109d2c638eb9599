package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.source.json.RawJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bluesky accounts through the public AppView, which needs no login: the profile
 * ({@code app.bsky.actor.getProfile}) says whether the account is there, the author feed
 * ({@code app.bsky.feed.getAuthorFeed}) lists its posts newest first, and the thread view
 * ({@code app.bsky.feed.getPostThread}) asks after one post.
 *
 * <p>A post the AppView does not find may be gone because its author was deactivated or taken down, which is an
 * account-level event: the profile is therefore always asked first, and a post is {@code Gone} only while its
 * account is fine.
 */
@ApplicationScoped
public class BlueskySource implements PostSource {

    /** The most the AppView returns per page: an account's week rarely needs a second request. */
    static final int PAGE_SIZE = 50;

    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");
    private static final String REPOST = "app.bsky.feed.defs#reasonRepost";
    private static final Set<String> ACCOUNT_GONE_ERRORS = Set.of("AccountDeactivated", "AccountTakedown");

    private final WebClient web;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> didsByHandle = new ConcurrentHashMap<>();

    public BlueskySource(WebClient web, BlueskyConfig config) {
        this.web = web;
        this.base = config.baseUrl().replaceFirst("/+$", "");
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    public ListingResult listing(AccountRef account, Optional<String> olderPageCursor) {
        if (olderPageCursor.isEmpty()) {
            Profile profile = profile(actor(account));
            if (profile instanceof Profile.Gone gone) {
                return new ListingResult.AccountGone(gone.evidence());
            }
            if (profile instanceof Profile.Unknown unknown) {
                return new ListingResult.Unknown(unknown.reason());
            }
        }
        String url = base + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + encoded(actor(account)) + "&limit="
                + PAGE_SIZE + "&filter=posts_with_replies"
                + olderPageCursor.map(cursor -> "&cursor=" + encoded(cursor)).orElse("");
        return switch (web.get(url, ACCEPT_JSON)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.isSuccessful() -> feedPage(url, page, account.handle());
            case HttpOutcome.Received other -> new ListingResult.Unknown(answered(url, other));
        };
    }

    /** One profile request for all the posts, then one thread request per post. */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        return switch (profile(actor(account))) {
            case Profile.Fine fine ->
                PostChecks.each(posts, post -> thread(account, fine.did(), post.platformPostId()));
            case Profile.Gone gone ->
                PostChecks.allUnknown(posts, "the account itself is not available: " + gone.evidence());
            case Profile.Unknown unknown ->
                PostChecks.allUnknown(posts, "the account could not be checked first: " + unknown.reason());
        };
    }

    /**
     * The DID of an account, for following it on Jetstream; asks the profile once per handle. A handle keeps the DID
     * it first named while this process runs: a handle taken over by another account is the watched account gone.
     */
    public Optional<String> did(String account) {
        if (BlueskyNaming.isDid(account)) {
            return Optional.of(account);
        }
        String known = didsByHandle.get(account);
        if (known != null) {
            return Optional.of(known);
        }
        return profile(account) instanceof Profile.Fine fine ? Optional.of(fine.did()) : Optional.empty();
    }

    @Override
    public Optional<String> accountIdentity(AccountRef account) {
        if (account.accountId() != null) {
            return Optional.of(account.accountId());
        }
        if (BlueskyNaming.isDid(account.handle())) {
            return Optional.of(account.handle());
        }
        return Optional.ofNullable(didsByHandle.get(account.handle()));
    }

    /**
     * Whom to ask for: the account's DID once learnt, so a renamed account is still followed and a handle passed on
     * to someone else cannot stand in for it, after a restart too; else the handle as watched.
     */
    private static String actor(AccountRef account) {
        return account.accountId() != null ? account.accountId() : account.handle();
    }

    private Profile profile(String account) {
        String url = base + "/xrpc/app.bsky.actor.getProfile?actor=" + encoded(account);
        return switch (web.get(url, ACCEPT_JSON)) {
            case HttpOutcome.Failed failed -> new Profile.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.isSuccessful() -> fineProfile(url, account, page.body());
            case HttpOutcome.Received refusal
            when refusal.status() == 400 ->
                XrpcError.of(json, refusal.body())
                        .filter(BlueskySource::isAccountGone)
                        .<Profile>map(error -> new Profile.Gone(
                                "the Bluesky AppView answers the profile of " + account + " with " + error))
                        .orElseGet(() -> new Profile.Unknown(answered(url, refusal)));
            case HttpOutcome.Received other -> new Profile.Unknown(answered(url, other));
        };
    }

    private Profile fineProfile(String url, String account, byte[] body) {
        try {
            JsonNode profile = json.readTree(body);
            String did = profile == null ? "" : profile.path("did").asText("");
            if (!did.startsWith("did:")) {
                return new Profile.Unknown(url + ": the profile names no DID");
            }
            if (BlueskyNaming.isDid(account)) {
                return new Profile.Fine(did);
            }
            // A handle is only a name: once given up, another account can take it. Its posts would then be missing
            // from the listing and unknown to the AppView under the new DID, so every one of them would look deleted.
            String pinned = didsByHandle.putIfAbsent(account, did);
            return pinned == null || pinned.equals(did)
                    ? new Profile.Fine(did)
                    : new Profile.Gone("the handle " + account + " now names another Bluesky account (" + did
                            + ", not the watched " + pinned + ")");
        } catch (IOException e) {
            return new Profile.Unknown(url + ": the profile is not JSON (" + e.getMessage() + ")");
        }
    }

    /** The AppView's words for a deactivated, taken-down or unknown account; other 400s prove nothing. */
    private static boolean isAccountGone(XrpcError error) {
        return ACCOUNT_GONE_ERRORS.contains(error.error())
                || (error.error().equals("InvalidRequest") && error.message().contains("Profile not found"));
    }

    private ListingResult feedPage(String url, HttpOutcome.Received page, String account) {
        JsonNode feed;
        try {
            feed = json.readTree(page.body());
        } catch (IOException e) {
            return new ListingResult.Unknown(url + ": the feed is not JSON (" + e.getMessage() + ")");
        }
        if (feed == null || !feed.path("feed").isArray()) {
            return new ListingResult.Unknown(url + ": the answer has no feed");
        }
        List<SourcePost> posts = new ArrayList<>();
        try {
            for (byte[] item : RawJson.arrayElements(page.body(), "feed")) {
                JsonNode node = json.readTree(item);
                // A repost is another account's post in this one's feed: it is not this account's to lose.
                if (node.path("reason").path("$type").asText("").equals(REPOST)) {
                    continue;
                }
                Optional<SourcePost> post =
                        RawJson.field(item, "post").flatMap(raw -> PostViews.read(account, node.path("post"), raw));
                if (post.isEmpty()) {
                    return new ListingResult.Unknown(url + ": a feed item is not a post view");
                }
                posts.add(post.get());
            }
        } catch (IOException e) {
            return new ListingResult.Unknown(url + ": a feed item is not JSON (" + e.getMessage() + ")");
        }
        String cursor = feed.path("cursor").asText("");
        return new ListingResult.Page(
                url,
                posts,
                cursor.isEmpty() ? Optional.empty() : Optional.of(cursor),
                new PageCapture(url, page.exchange(), page.body()));
    }

    private PermalinkCheck thread(AccountRef account, String did, String recordKey) {
        String uri = BlueskyNaming.atUri(did, recordKey);
        String url = base + "/xrpc/app.bsky.feed.getPostThread?uri=" + encoded(uri) + "&depth=0&parentHeight=0";
        String postUrl = BlueskyNaming.postUrl(account.handle(), recordKey);
        return switch (web.get(url, ACCEPT_JSON)) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.isSuccessful() -> threadView(url, postUrl, account, page);
            case HttpOutcome.Received refusal
            when refusal.status() == 400
                    && XrpcError.of(json, refusal.body())
                            .filter(error -> error.error().equals("NotFound"))
                            .isPresent() ->
                new PermalinkCheck.Gone(
                        postUrl + ": the Bluesky AppView answers getPostThread with "
                                + XrpcError.of(json, refusal.body()).orElseThrow(),
                        new PageCapture(url, refusal.exchange(), refusal.body()));
            case HttpOutcome.Received other -> new PermalinkCheck.Unknown(answered(url, other));
        };
    }

    private PermalinkCheck threadView(String url, String postUrl, AccountRef account, HttpOutcome.Received page) {
        JsonNode thread;
        try {
            JsonNode body = json.readTree(page.body());
            thread = body == null ? null : body.path("thread");
        } catch (IOException e) {
            return new PermalinkCheck.Unknown(url + ": the thread is not JSON (" + e.getMessage() + ")");
        }
        if (thread == null) {
            return new PermalinkCheck.Unknown(url + ": empty answer");
        }
        return switch (thread.path("$type").asText("")) {
            case "app.bsky.feed.defs#threadViewPost" ->
                RawJson.field(page.body(), "thread")
                        .flatMap(raw -> RawJson.field(raw, "post"))
                        .flatMap(raw -> PostViews.read(account.handle(), thread.path("post"), raw))
                        .<PermalinkCheck>map(PermalinkCheck.Found::new)
                        .orElseGet(() -> new PermalinkCheck.Unknown(url + ": the thread's post does not read"));
            case "app.bsky.feed.defs#notFoundPost" ->
                new PermalinkCheck.Gone(
                        postUrl + ": the Bluesky AppView answers getPostThread with a notFoundPost",
                        new PageCapture(url, page.exchange(), page.body()));
            case "app.bsky.feed.defs#blockedPost" ->
                new PermalinkCheck.Unknown(url + ": the post is blocked from the public view, which proves nothing");
            default -> new PermalinkCheck.Unknown(url + ": unexpected thread type " + thread.path("$type"));
        };
    }

    private String answered(String url, HttpOutcome.Received answer) {
        return url + " answered HTTP " + answer.status()
                + XrpcError.of(json, answer.body()).map(error -> ": " + error).orElse("");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
