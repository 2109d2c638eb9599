package dev.afterimage.web.console;

import dev.afterimage.source.Platform;

/**
 * A platform as a small letter badge with its name as the text alternative: no icon files, no third-party logos.
 *
 * @param letter one or two letters shown in the badge
 * @param name the platform's name, read out by screen readers
 * @param css the badge's colour class
 */
public record PlatformBadge(String letter, String name, String css) {

    static PlatformBadge of(Platform platform) {
        return switch (platform) {
            case TELEGRAM -> new PlatformBadge("T", "Telegram", "p-telegram");
            case X -> new PlatformBadge("X", "X", "p-x");
            case FACEBOOK -> new PlatformBadge("f", "Facebook", "p-facebook");
            case BLUESKY -> new PlatformBadge("B", "Bluesky", "p-bluesky");
            case VK -> new PlatformBadge("VK", "VK", "p-vk");
            case MASTODON -> new PlatformBadge("M", "Mastodon", "p-mastodon");
            case RSS -> new PlatformBadge("R", "RSS feed", "p-rss");
            case WEB -> new PlatformBadge("W", "Web page", "p-web");
        };
    }
}
