package dev.afterimage.source.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Facebook page posts: {@code https://www.facebook.com/<page>/posts/<id>}, or for a post known only by the page's
 * number {@code https://www.facebook.com/permalink.php?story_fbid=<id>&id=<page id>}. Page names are case-insensitive
 * and lower-cased; {@code pfbid} ids are case-sensitive and kept. Photos, videos, groups and short links are not posts
 * here.
 */
final class FacebookPostUrls implements PlatformPostUrls {

    static final Set<String> HOSTS =
            Set.of("facebook.com", "www.facebook.com", "m.facebook.com", "mbasic.facebook.com", "web.facebook.com");

    /** Facebook usernames are letters, digits and dots; older page names also have dashes. */
    private static final Pattern PAGE = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private static final Pattern PAGE_ID = Pattern.compile("[1-9][0-9]*");

    /** A numeric story id, or the opaque {@code pfbid} Facebook has shown in links since 2022. */
    private static final Pattern POST_ID = Pattern.compile("[1-9][0-9]*|pfbid[0-9A-Za-z]+");

    @Override
    public boolean owns(PastedUrl url) {
        return url.hostIsWithin("facebook.com")
                || url.hostIsWithin("fb.com")
                || url.hostIsWithin("fb.me")
                || url.hostIsWithin("fb.watch");
    }

    /** Only {@code story_fbid} and {@code id} of the query matter; the rest ({@code __cft__[0]}, ...) is tracking. */
    @Override
    public Optional<CanonicalPostUrl> canonicalise(PastedUrl url) {
        List<String> path = url.segments();
        if (!url.isOn(HOSTS)) {
            return Optional.empty();
        }
        if (path.size() == 3 && path.get(1).equals("posts")) {
            return pagePost(Ascii.lowerCase(path.get(0)), path.get(2));
        }
        if (path.size() == 1
                && (path.get(0).equals("permalink.php") || path.get(0).equals("story.php"))) {
            return permalink(url.queryValue("story_fbid"), url.queryValue("id"));
        }
        return Optional.empty();
    }

    private static Optional<CanonicalPostUrl> pagePost(String page, String id) {
        if (!PAGE.matcher(page).matches() || !POST_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String url = "https://www.facebook.com/" + page + "/posts/" + id;
        return Optional.of(new CanonicalPostUrl("facebook", page, id, url));
    }

    private static Optional<CanonicalPostUrl> permalink(Optional<String> storyId, Optional<String> pageId) {
        if (storyId.isEmpty()
                || pageId.isEmpty()
                || !POST_ID.matcher(storyId.get()).matches()
                || !PAGE_ID.matcher(pageId.get()).matches()) {
            return Optional.empty();
        }
        String url = "https://www.facebook.com/permalink.php?story_fbid=" + storyId.get() + "&id=" + pageId.get();
        return Optional.of(new CanonicalPostUrl("facebook", pageId.get(), storyId.get(), url));
    }
}
