package dev.afterimage.web.replay;

import dev.afterimage.web.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A platform's post URL of which the archive holds no copy from that platform, only entries of other accounts that
 * link it: answered 404, naming who mentioned it, so a mention is never mistaken for the post.
 */
public class MentionOnlyException extends WebApplicationException {

    /** Names the problem for API clients, beside the plain 404 of a post nobody archived. */
    public static final String PROBLEM_TYPE = "urn:afterimage:problem:third-party-mention-only";

    private final transient List<ThirdPartyMention> mentions;

    MentionOnlyException(String url, String platform, List<ThirdPartyMention> mentions) {
        super(Problem.response(new Problem(
                PROBLEM_TYPE,
                "Only a third-party mention",
                Response.Status.NOT_FOUND.getStatusCode(),
                detail(url, platform, mentions),
                "url",
                null)));
        this.mentions = List.copyOf(mentions);
    }

    public List<ThirdPartyMention> mentions() {
        return mentions;
    }

    private static String detail(String url, String platform, List<ThirdPartyMention> mentions) {
        return url + " is not archived from " + platform + ": the only copy is a third-party mention, by "
                + mentions.stream()
                        .map(mention -> mention.source() + " at /archive?url="
                                + URLEncoder.encode(mention.archivedUrl(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("; "));
    }
}
