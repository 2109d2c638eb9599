package dev.afterimage.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each post of a fake says now, for the adapters of fakes whose edit replaces text and photos at once (X,
 * Facebook, VK): changing one keeps the other.
 */
final class WrittenPosts {

    /** A post's text and photos' URLs as its author last wrote them. */
    record Written(String text, List<String> photos) {

        String[] photoArray() {
            return photos.toArray(String[]::new);
        }
    }

    private final Map<String, Written> posts = new HashMap<>();

    void wrote(String postId, String text, String... photoUrls) {
        posts.put(postId, new Written(text, List.of(photoUrls)));
    }

    Written get(String postId) {
        Written written = posts.get(postId);
        if (written == null) {
            throw new IllegalArgumentException("no post " + postId + " was published");
        }
        return written;
    }
}
