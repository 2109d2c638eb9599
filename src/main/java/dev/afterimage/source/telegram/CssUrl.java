package dev.afterimage.source.telegram;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Telegram puts photo URLs in inline styles ({@code background-image:url('//cdn…')}); this reads them out. */
final class CssUrl {

    private static final Pattern BACKGROUND_IMAGE =
            Pattern.compile("background-image\\s*:\\s*url\\(\\s*(['\"]?)(.+?)\\1\\s*\\)");

    private CssUrl() {}

    static Optional<String> backgroundImage(String style) {
        Matcher matcher = BACKGROUND_IMAGE.matcher(style);
        return matcher.find() ? Optional.of(https(matcher.group(2).strip())) : Optional.empty();
    }

    /** Protocol-relative URLs ({@code //cdn4.telesco.pe/…}) are made https, the scheme t.me itself is served with. */
    static String https(String url) {
        return url.startsWith("//") ? "https:" + url : url;
    }
}
