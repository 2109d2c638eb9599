package dev.afterimage.web.archive;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Post;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostSources;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.PostUrls;
import dev.afterimage.watch.Account;
import dev.afterimage.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Finds the archived post behind a post URL, for the archive routes and the console. Call inside a transaction. */
@ApplicationScoped
public class PostFinder {

    private final PostSources sources;

    PostFinder(PostSources sources) {
        this.sources = sources;
    }

    /** The archived post at this URL, in any of the URL's common forms; a 404 says who would cover it. */
    public Post find(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "give the URL of a post, e.g. ?url=https://t.me/mod_russia/12345");
        }
        CanonicalPostUrl canonical = PostUrls.canonicalise(url)
                .orElseThrow(() -> new InvalidFieldException(
                        "url", "\"" + url + "\" is not a post URL of a platform Afterimage knows"));
        Post post = Post.find("url", canonical.url()).firstResult();
        if (post != null) {
            return post;
        }
        throw new WebApplicationException(Problem.response(Response.Status.NOT_FOUND, notArchived(canonical), null));
    }

    private String notArchived(CanonicalPostUrl canonical) {
        Optional<Platform> platform = Platform.fromApiName(canonical.platform());
        if (platform.isEmpty()) {
            return canonical.url() + " is not archived: Afterimage does not watch " + canonical.platform()
                    + " accounts yet";
        }
        if (canonical.account().isEmpty()) {
            return canonical.url() + " is not archived";
        }
        AccountRef ref = new AccountRef(platform.get(), canonical.account());
        Account account = Account.findByHandle(ref.platform(), ref.handle()).orElse(null);
        String who = canonical.platform() + " account " + canonical.account();
        if (account == null) {
            return canonical.url() + " is not archived, and " + who
                    + " is not watched: watch it with POST /api/accounts {\"url\": \""
                    + sources.of(ref.platform()).canonicalAccountUrl(ref) + "\"}";
        }
        return canonical.url() + " is not archived: " + who + " is watched as account " + account.id
                + (account.enabled ? "" : " (paused)")
                + ", but this post was not seen (published before the watch began, or before its last poll)";
    }
}
