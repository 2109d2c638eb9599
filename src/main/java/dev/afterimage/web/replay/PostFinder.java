package dev.afterimage.web.replay;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Post;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.PlatformNamings;
import dev.afterimage.source.http.WebUrls;
import dev.afterimage.source.url.CanonicalPostUrl;
import dev.afterimage.source.url.MentionUrl;
import dev.afterimage.source.url.PostUrls;
import dev.afterimage.watch.Account;
import dev.afterimage.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the archived post behind a post URL, for the archive routes and the console. Call inside a transaction. */
@ApplicationScoped
public class PostFinder {

    private final PlatformNamings namings;

    PostFinder(PlatformNamings namings) {
        this.namings = namings;
    }

    /**
     * The archived post at this URL, in any of the URL's common forms. A platform's post URL is answered only with a
     * copy served by an account of that platform; a 404 says who would cover it, or who merely mentioned it.
     */
    public Post find(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "give the URL of a post, e.g. ?url=https://t.me/mod_russia/12345");
        }
        Optional<MentionUrl> mention = MentionUrl.parse(url.strip());
        if (mention.isPresent()) {
            return Post.<Post>find("url", mention.get().url())
                    .firstResultOptional()
                    .orElseThrow(() -> new WebApplicationException(Problem.response(
                            Response.Status.NOT_FOUND, mention.get().url() + " is not archived", "url")));
        }
        Optional<CanonicalPostUrl> known = PostUrls.canonicalise(url);
        if (known.isEmpty()) {
            // Feed entries and web-page items are archived under their own link, which no platform rule rewrites.
            Optional<Post> linked = WebUrls.normalise(url)
                    .flatMap(link -> Post.<Post>find("url", link).firstResultOptional());
            if (linked.isPresent()) {
                return linked.get();
            }
            throw new InvalidFieldException(
                    "url",
                    "\"" + url + "\" is neither a post URL of a platform Afterimage knows nor the link of an archived"
                            + " feed entry or web page item");
        }
        CanonicalPostUrl canonical = known.get();
        Optional<Platform> platform = Platform.fromApiName(canonical.platform());
        List<ThirdPartyMention> mentions = new ArrayList<>();
        for (Post post : Post.<Post>list("url = ?1 or linkedUrl = ?1 order by id", canonical.url())) {
            Account account = Account.findById(post.accountId);
            if (account != null && platform.isPresent() && account.platform == platform.get()) {
                return post;
            }
            if (account != null) {
                mentions.add(new ThirdPartyMention(
                        post.id, account.platform.apiName(), account.handle, account.id, post.url));
            }
        }
        if (!mentions.isEmpty()) {
            throw new MentionOnlyException(canonical.url(), canonical.platform(), mentions);
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
        // The account as its platform names it: a Mastodon post URL says "user", the account is "user@instance".
        PlatformNaming naming = namings.of(platform.get());
        Optional<String> handle = naming.handleFromProfileUrl(URI.create(canonical.url()))
                .or(() -> naming.normaliseHandle(canonical.account()));
        if (handle.isEmpty()) {
            return canonical.url() + " is not archived";
        }
        AccountRef ref = new AccountRef(platform.get(), handle.get());
        Account account = Account.findByHandle(ref.platform(), ref.handle()).orElse(null);
        String who = canonical.platform() + " account " + canonical.account();
        if (account == null) {
            return canonical.url() + " is not archived, and " + who
                    + " is not watched: watch it with POST /api/accounts {\"url\": \""
                    + naming.canonicalAccountUrl(ref) + "\"}";
        }
        return canonical.url() + " is not archived: " + who + " is watched as account " + account.id
                + (account.enabled ? "" : " (paused)")
                + ", but this post was not seen (published before the watch began, or before its last poll)";
    }
}
