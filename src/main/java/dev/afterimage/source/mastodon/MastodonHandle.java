package dev.afterimage.source.mastodon;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Mastodon account as {@code user@instance}, where the instance is the account's home: its posts are read there,
 * and its public URLs ({@code https://<instance>/@<user>}) are there. Mastodon treats usernames case-insensitively and
 * domains are case-insensitive, so both are kept in lower case.
 */
record MastodonHandle(String user, String instance) {

    /** Mastodon's username rule, loosened to the dots and dashes of other ActivityPub servers' accounts. */
    private static final Pattern USER = Pattern.compile("[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*");

    /** A public DNS name: no IP addresses, no ports, since an instance is a named server. */
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?");

    /** Reads {@code user@instance}, with or without the leading {@code @} of the fediverse's way of writing it. */
    static Optional<MastodonHandle> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String handle = text.strip().toLowerCase(Locale.ROOT);
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        int at = handle.indexOf('@');
        if (at <= 0 || at != handle.lastIndexOf('@')) {
            return Optional.empty();
        }
        return of(handle.substring(0, at), handle.substring(at + 1));
    }

    /**
     * The account a profile URL names: {@code https://<instance>/@<user>}, a post of it {@code /@<user>/<id>}, the
     * ActivityPub form {@code /users/<user>}, or a remote account shown by another instance
     * {@code https://<other>/@<user>@<home>}, which is read at its home.
     */
    static Optional<MastodonHandle> fromProfileUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getRawPath() == null) {
            return Optional.empty();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        List<String> path = List.of(url.getPath().split("/")).stream()
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (path.size() == 2 && path.get(0).equals("users")) {
            return of(path.get(1).toLowerCase(Locale.ROOT), host);
        }
        boolean profile = path.size() == 1;
        boolean post = path.size() == 2 && path.get(1).matches("[1-9][0-9]*");
        if (!(profile || post) || !path.get(0).startsWith("@")) {
            return Optional.empty();
        }
        String account = path.get(0).substring(1).toLowerCase(Locale.ROOT);
        int at = account.indexOf('@');
        return at < 0 ? of(account, host) : parse(account);
    }

    private static Optional<MastodonHandle> of(String user, String instance) {
        return USER.matcher(user).matches() && DOMAIN.matcher(instance).matches()
                ? Optional.of(new MastodonHandle(user, instance))
                : Optional.empty();
    }

    String accountUrl() {
        return "https://" + instance + "/@" + user;
    }

    String postUrl(String statusId) {
        return accountUrl() + "/" + statusId;
    }

    @Override
    public String toString() {
        return user + "@" + instance;
    }
}
