package dev.afterimage.source.url;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What can be a public Telegram channel name, and the hosts t.me answers on: one definition for post URLs here and for
 * the Telegram source's account names.
 */
public final class TelegramChannels {

    /** The hosts of Telegram's public web preview. */
    public static final Set<String> HOSTS =
            Set.of("t.me", "www.t.me", "telegram.me", "www.telegram.me", "telegram.dog");

    /** Telegram usernames: a letter, then letters, digits and underscores, 5 to 32 long (4 for some collectibles). */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_]{3,31}");

    /** First path segments of t.me that are services, not accounts. */
    private static final Set<String> RESERVED = Set.of(
            "joinchat",
            "addstickers",
            "addemoji",
            "addtheme",
            "addlist",
            "proxy",
            "socks",
            "share",
            "setlanguage",
            "login",
            "confirmphone",
            "invoice",
            "boost",
            "contact",
            "iv",
            "bg");

    private TelegramChannels() {}

    /** Whether a lower-case name can be a public channel (usernames are case-insensitive; lower-case them first). */
    public static boolean isChannel(String lowerCaseName) {
        return USERNAME.matcher(lowerCaseName).matches() && !RESERVED.contains(lowerCaseName);
    }
}
