package dev.afterimage.source.x;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * X accounts through API v2 with an app's bearer token: the user by username, their timeline
 * {@code /2/users/<id>/tweets} (retweets excluded) paged by {@code pagination_token}, and the batch lookup
 * {@code /2/tweets?ids=} (up to 100 ids a request) for permalink checks.
 *
 * <p>X answers a missing tweet or user with HTTP 200 and a problem in {@code errors}; a tweet is Gone only when the
 * problem is {@code resource-not-found} for that tweet AND a fresh lookup of the account finds it public and the
 * same account, because a suspended or deactivated account's tweets are "not found" too.
 */
@ApplicationScoped
public class XSource implements PostSource {

    static final String DISABLED = "set afterimage.platforms.x.bearer-token (an X API v2 bearer token)";

    /** The most ids {@code /2/tweets} answers in one request. */
    static final int MAX_IDS_PER_LOOKUP = 100;

    private final WebClient web;
    private final XUsage usage;
    private final String base;
    private final Optional<String> token;
    private final int pageSize;

    /** Username to user id: monthly request caps make one lookup per poll too dear, and the id never changes. */
    private final Map<String, String> userIds = new ConcurrentHashMap<>();

    /** A source whose reads are counted nowhere (tests of the source alone). */
    public XSource(WebClient web, XConfig config) {
        this(web, config, new XUsage());
    }

    @jakarta.inject.Inject
    public XSource(WebClient web, XConfig config, XUsage usage) {
        this.web = web;
        this.usage = usage;
        this.base = config.baseUrl().replaceFirst("/+$", "");
        this.token = config.bearerToken().map(String::strip).filter(value -> !value.isEmpty());
        this.pageSize = config.pageSize();
        if (pageSize < 5 || pageSize > 100) {
            throw new IllegalArgumentException(
                    "afterimage.platforms.x.page-size must be 5 to 100 (X's max_results), got " + pageSize);
        }
    }

    @Override
    public Platform platform() {
        return Platform.X;
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
        pin(account);
        String cached = userIds.get(account.handle());
        XUser user = cached != null ? new XUser.Active(cached) : lookUp(account.handle());
        return switch (user) {
            case XUser.Gone gone -> new ListingResult.AccountGone(gone.evidence());
            case XUser.Unknown unknown -> new ListingResult.Unknown(unknown.reason());
            case XUser.Active active -> timeline(account, active.id(), olderPageCursor);
        };
    }

    /**
     * Asks {@code /2/tweets?ids=} in batches of up to 100. Before any answer of "not found" stands, the account is
     * looked up afresh, once per call: if it is gone, suspended, protected or now another account, every "not found"
     * becomes Unknown, and the listing reports the account instead of N deletions.
     */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        if (token.isEmpty()) {
            return PostChecks.allUnknown(posts, DISABLED);
        }
        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
        List<String> ids =
                posts.stream().map(PostRef::platformPostId).distinct().toList();
        pin(account);
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_LOOKUP) {
            answers.putAll(lookUpTweets(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_LOOKUP))));
        }
        if (answers.values().stream().anyMatch(PermalinkCheck.Gone.class::isInstance)) {
            Optional<String> trouble = accountTrouble(account.handle());
            trouble.ifPresent(why -> answers.replaceAll((id, answer) -> answer instanceof PermalinkCheck.Gone gone
                    ? new PermalinkCheck.Unknown(gone.evidence() + "; but " + why)
                    : answer));
        }
        return answers;
    }

    @Override
    public Optional<String> accountIdentity(AccountRef account) {
        return Optional.ofNullable(userIds.get(account.handle()));
    }

    /**
     * The user id the account was first watched under, once learnt, is the one its timeline is read from and the one
     * a fresh lookup is compared with: a username given up and taken by someone else must not make the watched
     * account's tweets look deleted, after a restart too.
     */
    private void pin(AccountRef account) {
        if (account.accountId() != null) {
            userIds.put(account.handle(), account.accountId());
        }
    }

    private ListingResult timeline(AccountRef account, String userId, Optional<String> cursor) {
        String url =
                base + "/2/users/" + userId + "/tweets?max_results=" + pageSize + "&exclude=retweets&" + XTweets.QUERY
                        + cursor.map(token -> "&pagination_token=" + token).orElse("");
        return switch (get(url)) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.status() == 200 ->
                switch (XAnswers.timeline(page.body())) {
                    case XAnswers.Timeline.Page listed ->
                        // The timeline reaches back 3,200 tweets; a walk of the watch window stops long before that.
                        new ListingResult.Page(
                                url,
                                listed.posts(),
                                listed.nextToken(),
                                new PageCapture(url, page.exchange(), page.body()));
                    case XAnswers.Timeline.UserTrouble trouble -> recheckUser(account, url, trouble.evidence());
                    case XAnswers.Timeline.Unreadable unreadable ->
                        new ListingResult.Unknown(url + ": " + unreadable.why());
                };
            case HttpOutcome.Received other -> new ListingResult.Unknown(url + " answered " + status(other));
        };
    }

    /** The timeline named a problem with the user; only the user lookup may say the account is gone. */
    private ListingResult recheckUser(AccountRef account, String url, String evidence) {
        userIds.remove(account.handle());
        return switch (lookUp(account.handle())) {
            case XUser.Gone gone -> new ListingResult.AccountGone(gone.evidence());
            case XUser.Unknown unknown -> new ListingResult.Unknown(url + ": " + evidence + "; " + unknown.reason());
            case XUser.Active active ->
                new ListingResult.Unknown(url + ": " + evidence + ", yet the user lookup finds @" + account.handle());
        };
    }

    /** Why the account is not fine now, looked up afresh; empty when it is public and still the same account. */
    private Optional<String> accountTrouble(String handle) {
        String known = userIds.get(handle);
        return switch (lookUp(handle)) {
            case XUser.Gone gone -> Optional.of("the account is not available: " + gone.evidence());
            case XUser.Unknown unknown -> Optional.of("the account could not be looked up: " + unknown.reason());
            case XUser.Active active
            when known != null && !known.equals(active.id()) ->
                Optional.of("@" + handle + " is now another account (id " + active.id() + ", was " + known + ")");
            case XUser.Active active -> Optional.empty();
        };
    }

    private XUser lookUp(String handle) {
        String url = base + "/2/users/by/username/" + handle + "?user.fields=protected";
        XUser user =
                switch (get(url)) {
                    case HttpOutcome.Failed failed -> new XUser.Unknown(url + ": " + failed.reason());
                    case HttpOutcome.Received page when page.status() == 200 -> XAnswers.user(page.body(), handle);
                    case HttpOutcome.Received other -> new XUser.Unknown(url + " answered " + status(other));
                };
        if (user instanceof XUser.Active active) {
            userIds.put(handle, active.id());
        }
        return user;
    }

    private Map<String, PermalinkCheck> lookUpTweets(List<String> ids) {
        String url = base + "/2/tweets?ids=" + String.join(",", ids) + "&" + XTweets.QUERY;
        return switch (get(url)) {
            case HttpOutcome.Failed failed -> unknown(ids, url + ": " + failed.reason());
            case HttpOutcome.Received page when page.status() == 200 -> XAnswers.lookup(ids, page);
            case HttpOutcome.Received other -> unknown(ids, url + " answered " + status(other));
        };
    }

    private static Map<String, PermalinkCheck> unknown(List<String> ids, String reason) {
        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
        ids.forEach(id -> answers.put(id, new PermalinkCheck.Unknown(reason)));
        return answers;
    }

    private HttpOutcome get(String url) {
        HttpOutcome outcome = web.get(url, Map.of("Authorization", "Bearer " + token.orElseThrow()));
        if (outcome instanceof HttpOutcome.Received answer && answer.status() == 200) {
            usage.answered(answer.body());
        }
        return outcome;
    }

    private static String status(HttpOutcome.Received page) {
        return switch (page.status()) {
            case 401 -> "HTTP 401: X refuses the bearer token (afterimage.platforms.x.bearer-token)";
            case 403 -> "HTTP 403: the app's access level does not include this endpoint";
            case 429 -> "HTTP 429: rate limited";
            default -> "HTTP " + page.status();
        };
    }
}
