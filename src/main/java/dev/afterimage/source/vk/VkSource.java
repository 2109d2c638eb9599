package dev.afterimage.source.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.AccountBarrier;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Public VK walls (communities and pages) through the VK API with an app's service token: the listing
 * {@code wall.get} paged by {@code offset}, each post by {@code wall.getById}, and the community itself by
 * {@code groups.getById} when the wall is refused.
 *
 * <p>VK answers every error inside an HTTP 200 ({@link VkError}). {@code wall.getById} leaves out a post that does
 * not exist, but it also leaves out every post of a wall we may not read; so a post is Gone only when it is left out
 * while {@code wall.get} of its wall answers in the same check. A wall that is refused is judged by the community's
 * own {@code deactivated} and {@code is_closed}: deleted or banned is gone, closed or private is a closed community.
 */
@ApplicationScoped
public class VkSource implements PostSource {

    static final String DISABLED = "set afterimage.platforms.vk.service-token (the service token of a VK app:"
            + " vk.com/apps?act=manage → your app → Settings → Service token); see docs/platforms.md#vk";

    /** {@code wall.getById} takes at most 100 posts per request. */
    private static final int IDS_PER_REQUEST = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient web;
    private final String base;
    private final String version;
    private final Optional<String> token;
    private final int pageSize;
    private final Map<String, String> ownerIds = new ConcurrentHashMap<>();

    public VkSource(WebClient web, VkConfig config) {
        this.web = web;
        this.base = config.baseUrl().replaceFirst("/+$", "") + "/method/";
        this.version = config.apiVersion();
        this.token = config.serviceToken().map(String::strip).filter(value -> !value.isEmpty());
        this.pageSize = Math.max(1, Math.min(100, config.pageSize()));
    }

    @Override
    public Platform platform() {
        return Platform.VK;
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
        int offset = olderPageCursor
                .map(cursor -> cursor.matches("[0-9]{1,9}") ? Integer.parseInt(cursor) : -1)
                .orElse(0);
        if (offset < 0) {
            return new ListingResult.Unknown("not a VK page cursor: " + olderPageCursor.get());
        }
        String url = wallGet(account, pageSize, offset);
        return switch (web.get(url, authorization())) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received answer when answer.status() == 200 -> wallPage(account, url, answer, offset);
            case HttpOutcome.Received other -> new ListingResult.Unknown(url + " answered HTTP " + other.status());
        };
    }

    /** The wall is asked once; while it does not answer, no post's absence counts. */
    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
        if (posts.isEmpty()) {
            return answers;
        }
        Optional<String> wallTrouble = token.isEmpty() ? Optional.of(DISABLED) : wallTrouble(account);
        if (wallTrouble.isPresent()) {
            return PostChecks.allUnknown(
                    posts, "the wall must answer before its posts' answers count: " + wallTrouble.get());
        }
        List<String> ids = posts.stream().map(PostRef::platformPostId).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            answers.putAll(byId(ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST))));
        }
        return answers;
    }

    @Override
    public Optional<String> accountIdentity(AccountRef account) {
        return Optional.ofNullable(ownerIds.get(account.handle()));
    }

    /**
     * The wall once its owner id is learnt (a screen name can be given up and taken by another page), else by the
     * name it was added under.
     */
    private String wallGet(AccountRef account, int count, int offset) {
        String owner = account.accountId() != null && account.accountId().matches("-?[1-9][0-9]{0,11}")
                ? "owner_id=" + account.accountId()
                : VkNaming.wallParameter(account.handle());
        return method("wall.get") + "&" + owner + "&count=" + count + "&offset=" + offset;
    }

    private String method(String name) {
        return base + name + "?v=" + URLEncoder.encode(version, StandardCharsets.UTF_8);
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "Bearer " + token.orElseThrow());
    }

    private ListingResult wallPage(AccountRef account, String url, HttpOutcome.Received answer, int offset) {
        Optional<VkError> error = VkError.in(answer.body());
        if (error.isPresent()) {
            return wallRefused(account, url, error.get());
        }
        return switch (VkWall.wall(answer.body())) {
            case VkWall.Read.Unreadable unreadable -> new ListingResult.Unknown(url + ": " + unreadable.why());
            case VkWall.Read.Posts page -> {
                if (page.ownerId() != null) {
                    ownerIds.put(account.handle(), page.ownerId());
                }
                int next = offset + page.posts().size();
                Optional<String> older = !page.posts().isEmpty() && next < page.total()
                        ? Optional.of(String.valueOf(next))
                        : Optional.empty();
                yield new ListingResult.Page(
                        url, page.posts(), older, new PageCapture(url, answer.exchange(), answer.body()));
            }
        };
    }

    /** Only the page's own state decides whether a refused wall is gone or closed; the rest proves nothing. */
    private ListingResult wallRefused(AccountRef account, String url, VkError error) {
        String what = url + " answered " + error.describe();
        if (error.aboutUs()) {
            return new ListingResult.Unknown(what + (error.code() == 5 ? " (check the service token)" : ""));
        }
        if (error.ownerGone()) {
            return new ListingResult.AccountGone("vk.com/" + account.handle() + ": " + error.describe());
        }
        if (error.accessDenied() || error.invalidOwner()) {
            if (VkNaming.isUserById(account.handle())) {
                return error.code() == 30
                        ? new ListingResult.AccountGone(
                                "vk.com/" + account.handle() + ": " + error.describe(), AccountBarrier.CLOSED)
                        : new ListingResult.Unknown(what);
            }
            return community(account, what);
        }
        return new ListingResult.Unknown(what);
    }

    /** Asks the community itself, by {@code groups.getById}, what it is now. */
    private ListingResult community(AccountRef account, String refused) {
        String url = method("groups.getById") + "&group_id="
                + URLEncoder.encode(VkNaming.groupId(account.handle()), StandardCharsets.UTF_8);
        return switch (web.get(url, authorization())) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(refused + "; " + url + ": " + failed.reason());
            case HttpOutcome.Received answer
            when answer.status() == 200 -> {
                Optional<JsonNode> group = firstGroup(answer.body());
                if (group.isEmpty()) {
                    yield new ListingResult.Unknown(refused + "; " + url + " named no community"
                            + VkError.in(answer.body())
                                    .map(e -> ": " + e.describe())
                                    .orElse(""));
                }
                String name = "vk.com/" + account.handle() + " ("
                        + group.get().path("name").asText("") + ")";
                String deactivated = group.get().path("deactivated").asText("");
                int closed = group.get().path("is_closed").asInt(0);
                if (!deactivated.isEmpty()) {
                    yield new ListingResult.AccountGone(
                            name + ": groups.getById says deactivated \"" + deactivated + "\"");
                }
                if (closed != 0) {
                    yield new ListingResult.AccountGone(
                            name + ": groups.getById says is_closed " + closed + " ("
                                    + (closed == 2 ? "private" : "closed") + " community); the wall: " + refused,
                            AccountBarrier.CLOSED);
                }
                yield new ListingResult.Unknown(refused + "; yet the community is open");
            }
            case HttpOutcome.Received other ->
                new ListingResult.Unknown(refused + "; " + url + " answered HTTP " + other.status());
        };
    }

    /** {@code {"response":{"groups":[…]}}} from 5.19x; {@code {"response":[…]}} before. */
    private static Optional<JsonNode> firstGroup(byte[] body) {
        try {
            JsonNode response = JSON.readTree(body).path("response");
            JsonNode groups = response.isArray() ? response : response.path("groups");
            JsonNode first = groups.path(0);
            return first.isObject() && first.path("id").canConvertToLong() ? Optional.of(first) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the wall answers now, or what went wrong. */
    private Optional<String> wallTrouble(AccountRef account) {
        String url = wallGet(account, 1, 0);
        return switch (web.get(url, authorization())) {
            case HttpOutcome.Failed failed -> Optional.of(url + ": " + failed.reason());
            case HttpOutcome.Received answer
            when answer.status() == 200 -> {
                Optional<VkError> error = VkError.in(answer.body());
                if (error.isPresent()) {
                    yield Optional.of(url + " answered " + error.get().describe());
                }
                yield switch (VkWall.wall(answer.body())) {
                    case VkWall.Read.Posts posts -> Optional.empty();
                    case VkWall.Read.Unreadable unreadable -> Optional.of(url + ": " + unreadable.why());
                };
            }
            case HttpOutcome.Received other -> Optional.of(url + " answered HTTP " + other.status());
        };
    }

    private Map<String, PermalinkCheck> byId(List<String> ids) {
        String url =
                method("wall.getById") + "&posts=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
        Function<String, Map<String, PermalinkCheck>> unknown = reason -> ids.stream()
                .collect(Collectors.toMap(
                        id -> id,
                        id -> (PermalinkCheck) new PermalinkCheck.Unknown(reason),
                        (a, b) -> a,
                        LinkedHashMap::new));
        return switch (web.get(url, authorization())) {
            case HttpOutcome.Failed failed -> unknown.apply(url + ": " + failed.reason());
            case HttpOutcome.Received answer
            when answer.status() == 200 -> {
                Optional<VkError> error = VkError.in(answer.body());
                if (error.isPresent()) {
                    yield unknown.apply(url + " answered " + error.get().describe());
                }
                yield switch (VkWall.byId(answer.body())) {
                    case VkWall.Read.Unreadable unreadable -> unknown.apply(url + ": " + unreadable.why());
                    case VkWall.Read.Posts found -> {
                        Map<String, SourcePost> byId = found.posts().stream()
                                .collect(Collectors.toMap(SourcePost::platformPostId, post -> post, (a, b) -> a));
                        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
                        PageCapture capture = new PageCapture(url, answer.exchange(), answer.body());
                        for (String id : ids) {
                            SourcePost post = byId.get(id);
                            answers.put(
                                    id,
                                    post != null
                                            ? new PermalinkCheck.Found(post)
                                            : new PermalinkCheck.Gone(
                                                    "wall.getById answers no post " + id + " while its wall answers",
                                                    capture));
                        }
                        yield answers;
                    }
                };
            }
            case HttpOutcome.Received other -> unknown.apply(url + " answered HTTP " + other.status());
        };
    }
}
