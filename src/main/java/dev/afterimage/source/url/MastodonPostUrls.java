package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mastodon posts on any instance, recognised by the shape of the path alone since instances are not known in advance:
 * {@code https://<instance>/@<user>/<id>}, where a remote account is {@code <user>@<its instance>} and the URL stays on
 * the instance it was pasted from (the id is only unique there). Usernames are case-insensitive in Mastodon and
 * lower-cased; so is a remote account's domain. Path segments are percent-decoded because some clients escape the
 * {@code @}.
 */
final class MastodonPostUrls {

    /** Mastodon's username rule, loosened to the dots and dashes that remote (non-Mastodon) accounts may have. */
    private static final String USER = "[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*";

    private static final Pattern LOCAL_ACCOUNT = Pattern.compile(USER);

    private static final Pattern ACCOUNT = Pattern.compile(USER + "(?:@" + PastedUrl.DOMAIN_NAME.pattern() + ")?");

    private MastodonPostUrls() {}

    /** Any host not owned by another platform is a candidate; only the path decides. */
    static Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        List<String> path = url.segments();
        if (path.size() == 2) {
            return post(url, path.get(0), path.get(1));
        }
        if (path.size() == 3 && path.get(0).equals("web") && path.get(1).equals("statuses")) {
            return webStatus(url, path.get(2));
        }
        if (path.size() == 3 && path.get(0).equals("web")) {
            return post(url, path.get(1), path.get(2));
        }
        // The ActivityPub id of a status: only ever for a local account.
        if (path.size() == 4
                && path.get(0).equals("users")
                && path.get(2).equals("statuses")
                && LOCAL_ACCOUNT.matcher(Ascii.lowerCase(path.get(1))).matches()) {
            return post(url, "@" + path.get(1), path.get(3));
        }
        return Optional.empty();
    }

    private static Optional<CanonicalPostUrl> post(PastedUrl url, String atAccount, String id) {
        if (!atAccount.startsWith("@")) {
            return Optional.empty();
        }
        String account = Ascii.lowerCase(atAccount.substring(1));
        if (!ACCOUNT.matcher(account).matches()
                || !PostUrls.STATUS_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String canonical = "https://" + url.authority() + "/@" + account + "/" + id;
        return Optional.of(new CanonicalPostUrl("mastodon", account, id, canonical));
    }

    /** The web app's link names no account, and the instance has no other public URL that needs none. */
    private static Optional<CanonicalPostUrl> webStatus(PastedUrl url, String id) {
        if (!PostUrls.STATUS_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String canonical = "https://" + url.authority() + "/web/statuses/" + id;
        return Optional.of(new CanonicalPostUrl("mastodon", "", id, canonical));
    }
}
