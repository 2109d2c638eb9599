package dev.afterimage.source.vk;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VK's names of walls: a screen name ({@code vk.com/mil}), a community by number ({@code club<id>}, {@code public<id>},
 * {@code event<id>}, all written {@code club<id>} here since they name the same community) or a user by number
 * ({@code id<id>}); and the URLs of walls and their posts on {@code vk.com}.
 */
@ApplicationScoped
public class VkNaming implements PlatformNaming {

    static final String CANONICAL_BASE = "https://vk.com";

    static final Set<String> HOSTS = Set.of("vk.com", "www.vk.com", "m.vk.com", "vk.ru", "m.vk.ru", "vkontakte.ru");

    private static final Pattern COMMUNITY = Pattern.compile("(?:club|public|event)([1-9][0-9]{0,11})");
    private static final Pattern USER = Pattern.compile("id([1-9][0-9]{0,11})");
    private static final Pattern WALL_POST = Pattern.compile("wall(-?)([1-9][0-9]{0,11})_[1-9][0-9]{0,11}");

    /** VK's screen-name rule: Latin letters, digits, underscores and dots. */
    private static final Pattern SCREEN_NAME = Pattern.compile("[a-z0-9_.]{2,64}");

    /** First path segments that are VK's own pages, never a wall. */
    private static final Set<String> RESERVED = Set.of(
            "feed",
            "im",
            "search",
            "login",
            "join",
            "settings",
            "friends",
            "groups",
            "video",
            "videos",
            "audio",
            "music",
            "photos",
            "albums",
            "apps",
            "dev",
            "support",
            "about",
            "terms",
            "blog",
            "away.php",
            "docs",
            "market",
            "services",
            "clips",
            "mail",
            "restore",
            "help");

    private final Duration defaultPollInterval;

    public VkNaming(VkConfig config) {
        this.defaultPollInterval = config.defaultPollInterval();
    }

    @Override
    public Platform platform() {
        return Platform.VK;
    }

    @Override
    public Optional<Duration> defaultPollInterval() {
        return Optional.of(defaultPollInterval);
    }

    @Override
    public Optional<String> normaliseHandle(String handle) {
        String name = handle.strip().toLowerCase(Locale.ROOT);
        name = name.startsWith("@") ? name.substring(1) : name;
        Matcher community = COMMUNITY.matcher(name);
        if (community.matches()) {
            return Optional.of("club" + community.group(1));
        }
        if (SCREEN_NAME.matcher(name).matches() && !RESERVED.contains(name) && !name.matches("[0-9.]+")) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** {@code vk.com/<name>}, {@code m.vk.com/<name>}, and a wall post's URL {@code vk.com/wall-<id>_<n>}. */
    @Override
    public Optional<String> handleFromProfileUrl(URI url) {
        if (url.getHost() == null || !HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> segments = List.of(
                        Optional.ofNullable(url.getPath()).orElse("").split("/"))
                .stream()
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (segments.size() != 1) {
            return Optional.empty();
        }
        Matcher post = WALL_POST.matcher(segments.get(0).toLowerCase(Locale.ROOT));
        if (post.matches()) {
            return Optional.of((post.group(1).isEmpty() ? "id" : "club") + post.group(2));
        }
        return normaliseHandle(segments.get(0));
    }

    @Override
    public String canonicalAccountUrl(AccountRef account) {
        return CANONICAL_BASE + "/" + account.handle();
    }

    @Override
    public String canonicalPostUrl(AccountRef account, String platformPostId) {
        return postUrl(platformPostId);
    }

    /** A wall post by its id {@code <owner id>_<post id>}, the owner's id negative for a community. */
    static String postUrl(String platformPostId) {
        return CANONICAL_BASE + "/wall" + platformPostId;
    }

    /**
     * The {@code wall.get} parameter naming this wall: {@code owner_id} for a wall known by number (negative for a
     * community), else {@code domain}.
     */
    static String wallParameter(String handle) {
        Matcher community = COMMUNITY.matcher(handle);
        if (community.matches()) {
            return "owner_id=-" + community.group(1);
        }
        Matcher user = USER.matcher(handle);
        if (user.matches()) {
            return "owner_id=" + user.group(1);
        }
        return "domain=" + handle;
    }

    /** The community this handle names for {@code groups.getById}: its number, or its screen name. */
    static String groupId(String handle) {
        Matcher community = COMMUNITY.matcher(handle);
        return community.matches() ? community.group(1) : handle;
    }

    static boolean isUserById(String handle) {
        return USER.matcher(handle).matches();
    }
}
