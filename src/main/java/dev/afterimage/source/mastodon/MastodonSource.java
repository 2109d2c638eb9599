package dev.afterimage.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.afterimage.source.url.PostUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public Mastodon accounts on any instance, through the instance's public REST API without login: the account
 * lookup {@code /api/v1/accounts/lookup}, its statuses {@code /api/v1/accounts/<id>/statuses} (paged by
 * {@code max_id}), a status {@code /api/v1/statuses/<id>} and its edit history {@code …/history}.
 *
 * <p>Mastodon answers 404 for a status that was deleted and for one made private (followers only) alike, and for
 * every status of an account that is gone; so the account is looked up before any status is judged, and a 404 for
 * a status of a live account is reported as "deleted or made private". The instance's {@code X-RateLimit-*}
 * headers are honoured by the {@link WebClient}, which leaves a host alone while its window is used up.
 */
@ApplicationScoped
public class MastodonSource implements PostSource {

    /** Mastodon's largest page of statuses. */
    static final int PAGE_SIZE = 40;

    private final WebClient web;
    private final MastodonConfig config;
    private final EditHistories histories = new EditHistories();

    public MastodonSource(WebClient web, MastodonConfig config) {
        this.web = web;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    /**
     * The first page is read after the account lookup, which is the account's state at every poll; an older page's
     * cursor carries the account's id ({@code <account id>:<max_id>}), so walking back costs no further lookups.
     */
    @Override
    public ListingResult listing(AccountRef ref, Optional<String> olderPageCursor) {
        Optional<MastodonHandle> parsed = MastodonHandle.parse(ref.handle());
        if (parsed.isEmpty()) {
            return new ListingResult.Unknown("not a Mastodon handle (user@instance): " + ref.handle());
        }
        MastodonHandle handle = parsed.get();
        String accountId;
        Optional<String> maxId = Optional.empty();
        if (olderPageCursor.isPresent()) {
            String[] cursor = olderPageCursor.get().split(":", -1);
            if (cursor.length != 2
                    || !cursor[0].matches("[0-9A-Za-z]+")
                    || !PostUrls.STATUS_ID.matcher(cursor[1]).matches()) {
                return new ListingResult.Unknown("not a Mastodon page cursor: " + olderPageCursor.get());
            }
            accountId = cursor[0];
            maxId = Optional.of(cursor[1]);
        } else {
            switch (lookup(handle)) {
                case AccountState.Active active -> accountId = active.id();
                case AccountState.Gone gone -> {
                    return new ListingResult.AccountGone(gone.evidence());
                }
                case AccountState.Unknown unknown -> {
                    return new ListingResult.Unknown(unknown.reason());
                }
            }
        }
        String url = api(handle) + "/api/v1/accounts/" + accountId + "/statuses?limit=" + PAGE_SIZE
                + (config.includeReblogs() ? "" : "&exclude_reblogs=true")
                + maxId.map(id -> "&max_id=" + id).orElse("");
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page when page.status() == 200 -> statusesPage(handle, accountId, url, page);
            case HttpOutcome.Received other -> new ListingResult.Unknown(url + " answered HTTP " + other.status());
        };
    }

    /** One account lookup for all the posts asked about, then each status by its id. */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef ref, List<PostRef> posts) {
        Optional<MastodonHandle> parsed = MastodonHandle.parse(ref.handle());
        if (parsed.isEmpty()) {
            return PostChecks.allUnknown(posts, "not a Mastodon handle (user@instance): " + ref.handle());
        }
        MastodonHandle handle = parsed.get();
        return switch (lookup(handle)) {
            case AccountState.Active active -> PostChecks.each(posts, post -> status(handle, post.platformPostId()));
            case AccountState.Gone gone ->
                PostChecks.allUnknown(posts, "account unavailable; judged at account level: " + gone.evidence());
            case AccountState.Unknown unknown ->
                PostChecks.allUnknown(posts, "account state unknown; judged at account level: " + unknown.reason());
        };
    }

    private String api(MastodonHandle handle) {
        return config.baseUrl().map(base -> base.replaceFirst("/+$", "")).orElse("https://" + handle.instance());
    }

    private AccountState lookup(MastodonHandle handle) {
        String url = api(handle) + "/api/v1/accounts/lookup?acct="
                + URLEncoder.encode(handle.user(), StandardCharsets.UTF_8);
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new AccountState.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received found when found.status() == 200 -> lookedUp(handle, url, found);
            case HttpOutcome.Received missing
            when (missing.status() == 404 || missing.status() == 410) && isMastodonError(missing) ->
                new AccountState.Gone(handle.instance() + " has no account @" + handle.user()
                        + " (the account lookup answered HTTP " + missing.status() + " " + errorOf(missing) + ")");
            case HttpOutcome.Received other -> new AccountState.Unknown(url + " answered HTTP " + other.status());
        };
    }

    private static AccountState lookedUp(MastodonHandle handle, String url, HttpOutcome.Received answer) {
        Optional<JsonNode> parsed = JsonItems.ofObject(answer.body());
        if (parsed.isEmpty()) {
            return new AccountState.Unknown(url + " answered something that is not an account");
        }
        JsonNode account = parsed.get();
        String id = account.path("id").asText("");
        if (id.isEmpty() || !account.path("username").asText("").equalsIgnoreCase(handle.user())) {
            return new AccountState.Unknown(url + " answered another or no account: " + account.path("acct"));
        }
        if (account.path("suspended").asBoolean(false)) {
            return new AccountState.Gone("@" + handle + " is suspended on " + handle.instance());
        }
        // A moved account keeps its statuses where they were: it is still watched there, and nothing of it is gone.
        return new AccountState.Active(id);
    }

    private PermalinkCheck status(MastodonHandle handle, String statusId) {
        if (!PostUrls.STATUS_ID.matcher(statusId).matches()) {
            return new PermalinkCheck.Unknown("not a Mastodon status id: " + statusId);
        }
        String url = api(handle) + "/api/v1/statuses/" + statusId;
        return switch (web.get(url)) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received found when found.status() == 200 -> found(handle, url, found);
            case HttpOutcome.Received missing
            when missing.status() == 404 && isMastodonError(missing) ->
                new PermalinkCheck.Gone(
                        handle.postUrl(statusId) + " was deleted or made private: the instance answers HTTP 404 "
                                + errorOf(missing) + " for /api/v1/statuses/" + statusId
                                + " while the account itself is there (Mastodon answers the same for both)",
                        new PageCapture(url, missing.exchange(), missing.body()));
            case HttpOutcome.Received other -> new PermalinkCheck.Unknown(url + " answered HTTP " + other.status());
        };
    }

    private static PermalinkCheck found(MastodonHandle handle, String url, HttpOutcome.Received answer) {
        Optional<JsonNode> status = JsonItems.ofObject(answer.body());
        if (status.isEmpty()) {
            return new PermalinkCheck.Unknown(url + " answered something that is not a status");
        }
        try {
            return new PermalinkCheck.Found(new StatusReader(handle).status(status.get(), answer.body()));
        } catch (StatusReader.Unreadable e) {
            return new PermalinkCheck.Unknown(url + ": " + e.getMessage());
        }
    }

    private ListingResult statusesPage(MastodonHandle handle, String accountId, String url, HttpOutcome.Received page) {
        Optional<List<JsonItems.Item>> items = JsonItems.ofArray(page.body());
        if (items.isEmpty()) {
            return new ListingResult.Unknown(url + " answered something that is not a list of statuses");
        }
        StatusReader reader = new StatusReader(handle);
        List<SourcePost> posts = new ArrayList<>();
        try {
            for (JsonItems.Item item : items.get()) {
                SourcePost post = reader.status(item.node(), item.raw());
                posts.add(
                        post.edited() && !item.node().path("reblog").isObject()
                                ? post.withEarlierVersions(earlierVersions(handle, reader, item.node(), post))
                                : post);
            }
        } catch (StatusReader.Unreadable e) {
            return new ListingResult.Unknown(url + ": " + e.getMessage());
        }
        return new ListingResult.Page(
                url,
                posts,
                olderPage(page, posts).map(maxId -> accountId + ":" + maxId),
                new PageCapture(url, page.exchange(), page.body()));
    }

    /**
     * The next page is the one the {@code Link} header names; an instance that sends none is read on by the last id
     * as long as its pages come full.
     */
    private static Optional<String> olderPage(HttpOutcome.Received page, List<SourcePost> posts) {
        String link = page.header("link");
        if (link != null) {
            return LinkHeader.nextMaxId(link);
        }
        return posts.size() >= PAGE_SIZE ? Optional.of(posts.getLast().platformPostId()) : Optional.empty();
    }

    /** The edit history of an edited status; when it cannot be read, the status still counts, without it. */
    private List<SourcePost> earlierVersions(
            MastodonHandle handle, StatusReader reader, JsonNode status, SourcePost post) {
        EditHistories.Key key = new EditHistories.Key(handle.instance(), post.platformPostId(), post.revision());
        Optional<List<SourcePost>> known = histories.get(key);
        if (known.isPresent()) {
            return known.get();
        }
        String url = api(handle) + "/api/v1/statuses/" + post.platformPostId() + "/history";
        if (!(web.get(url) instanceof HttpOutcome.Received answer) || answer.status() != 200) {
            return List.of();
        }
        Optional<List<JsonItems.Item>> history = JsonItems.ofArray(answer.body());
        if (history.isEmpty()) {
            return List.of();
        }
        try {
            List<SourcePost> earlier = reader.earlierVersions(status, history.get());
            histories.put(key, earlier);
            return earlier;
        } catch (StatusReader.Unreadable e) {
            return List.of();
        }
    }

    private static boolean isMastodonError(HttpOutcome.Received answer) {
        // Mastodon's errors are {"error": "<text>"}; other fediverse servers answer 404 with other shapes.
        return JsonItems.ofObject(answer.body())
                .map(body -> body.path("error").isTextual())
                .orElse(false);
    }

    private static String errorOf(HttpOutcome.Received answer) {
        return JsonItems.ofObject(answer.body())
                .map(body -> "\"" + body.path("error").asText("") + "\"")
                .orElse("");
    }
}
