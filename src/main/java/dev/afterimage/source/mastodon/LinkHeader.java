package dev.afterimage.source.mastodon;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon's paging: the {@code Link} header of a timeline names the next (older) page as
 * {@code <…?max_id=N>; rel="next"}.
 */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");
    private static final Pattern MAX_ID = Pattern.compile("(?:^|&)max_id=([0-9]+)(?:&|$)");

    private LinkHeader() {}

    /** The {@code max_id} of the {@code rel="next"} link, or empty when there is none. */
    static Optional<String> nextMaxId(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            if (isNext(link.group(2))) {
                return maxId(link.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean isNext(String parameters) {
        Matcher rel = NEXT.matcher(parameters);
        while (rel.find()) {
            for (String value : rel.group(1).trim().split("\\s+")) {
                if (value.equalsIgnoreCase("next")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> maxId(String target) {
        try {
            String query = URI.create(target.strip()).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            Matcher id = MAX_ID.matcher(query);
            return id.find() ? Optional.of(id.group(1)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
