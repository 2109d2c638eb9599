package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * X (Twitter) posts: {@code https://x.com/i/status/<id>} whoever posted. A status id is unique across X and
 * {@code /i/status/} always resolves, while a username can change or be taken by someone else; so the canonical URL
 * depends on the id alone, and the username, when the pasted URL had one, only goes to the account.
 */
final class XPostUrls implements PlatformPostUrls {

    static final Set<String> HOSTS =
            Set.of("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com");

    /** Not bounded to today's 15 characters: some old accounts have longer names, and the name is not in the URL. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_]+");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("x.com") || url.hostIsWithin("twitter.com");
    }

    /** Segments after the id ({@code /photo/1}, {@code /analytics}) are views of the same post. */
    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        List<String> path = url.segments();
        if (!url.isOn(HOSTS) || path.isEmpty()) {
            return Optional.empty();
        }
        // /i/status/<id> and /i/web/status/<id> name no user.
        if (path.get(0).equals("i")) {
            int status = path.size() > 1 && path.get(1).equals("web") ? 2 : 1;
            return post(path, status, "");
        }
        return USER.matcher(path.get(0)).matches() ? post(path, 1, Ascii.lowerCase(path.get(0))) : Optional.empty();
    }

    /** {@code status/<id>} (or the old {@code statuses/<id>}) at the given segment. */
    private static Optional<CanonicalPostUrl> post(List<String> path, int status, String account) {
        if (path.size() < status + 2
                || !(path.get(status).equals("status") || path.get(status).equals("statuses"))
                || !PostUrls.STATUS_ID.matcher(path.get(status + 1)).matches()) {
            return Optional.empty();
        }
        String id = path.get(status + 1);
        return Optional.of(new CanonicalPostUrl("x", account, id, "https://x.com/i/status/" + id));
    }
}
