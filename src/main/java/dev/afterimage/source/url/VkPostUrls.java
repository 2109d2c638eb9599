package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VK wall posts: {@code https://vk.com/wall<owner id>_<post id>}, where a community's owner id is negative. The owner
 * and post ids identify the post whatever screen name the wall has now, so the canonical URL depends on them alone.
 */
final class VkPostUrls implements PlatformPostUrls {

    static final Set<String> HOSTS = Set.of("vk.com", "www.vk.com", "m.vk.com", "vk.ru", "m.vk.ru", "vkontakte.ru");

    private static final Pattern WALL_POST = Pattern.compile("wall(-?)([1-9][0-9]{0,11})_([1-9][0-9]{0,11})");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("vk.com") || url.hostIsWithin("vk.ru") || url.hostIsWithin("vkontakte.ru");
    }

    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        List<String> path = url.segments();
        if (!url.isOn(HOSTS) || path.size() != 1) {
            return Optional.empty();
        }
        Matcher post = WALL_POST.matcher(Ascii.lowerCase(path.get(0)));
        if (!post.matches()) {
            return Optional.empty();
        }
        boolean community = !post.group(1).isEmpty();
        String id = (community ? "-" : "") + post.group(2) + "_" + post.group(3);
        return Optional.of(new CanonicalPostUrl(
                "vk", (community ? "club" : "id") + post.group(2), id, "https://vk.com/wall" + id));
    }
}
