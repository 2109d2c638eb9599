package dev.afterimage.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers of {@link PostSource#checkAll}, one per post by platform post id. Sources ask the account first: while
 * it does not answer plainly, no post's "does not exist" may count, so every post is {@code Unknown} for that reason.
 */
public final class PostChecks {

    private PostChecks() {}

    /** Each post asked on its own. */
    public static Map<String, PermalinkCheck> each(List<PostRef> posts, Function<PostRef, PermalinkCheck> ask) {
        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
        for (PostRef post : posts) {
            answers.put(post.platformPostId(), ask.apply(post));
        }
        return answers;
    }

    /** Every post unknown for the same reason, typically that its account could not be checked first. */
    public static Map<String, PermalinkCheck> allUnknown(List<PostRef> posts, String reason) {
        return each(posts, post -> new PermalinkCheck.Unknown(reason));
    }
}
