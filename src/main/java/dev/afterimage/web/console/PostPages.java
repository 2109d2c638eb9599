package dev.afterimage.web.console;

import dev.afterimage.alert.EventDetailsJson;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.archive.Capture;
import dev.afterimage.archive.EvidenceChain;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.evidence.stamp.ChainStamper;
import dev.afterimage.security.Roles;
import dev.afterimage.web.ContentPolicy;
import dev.afterimage.web.replay.ArchivedPostPage;
import dev.afterimage.web.replay.ArchivedPosts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** One archived post: the archive's view of it, what happened to it when, and how its versions differ. */
@Path("/console/posts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class PostPages {

    private final ArchivedPosts archived;
    private final EvidenceChain chain;
    private final ChainStamper stamper;
    private final Clock clock;
    private final EventDetailsJson eventDetails;

    PostPages(
            ArchivedPosts archived,
            EvidenceChain chain,
            ChainStamper stamper,
            Clock clock,
            EventDetailsJson eventDetails) {
        this.archived = archived;
        this.chain = chain;
        this.stamper = stamper;
        this.clock = clock;
        this.eventDetails = eventDetails;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance post(PostPage page);

        static native TemplateInstance deletionProof(DeletionProof proof);
    }

    /**
     * @param from the older version of the diff, by number (1 is the first archived); defaults to the one before
     *     the newest
     * @param to the newer version; defaults to the newest
     */
    @GET
    @Path("/{id}")
    @Transactional
    public Response show(
            @PathParam("id") long id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @CookieParam(CsrfToken.COOKIE) String cookie) {
        Post post = Post.findById(id);
        if (post == null) {
            throw new NotFoundException("no post with id " + id);
        }
        List<PostVersion> versions = PostVersion.ofPost(id);
        int count = versions.size();
        ArchivedPostPage archivedPage = archived.page(post, versions, versions.getLast());
        VersionDiff diff = null;
        MediaChange mediaChange = null;
        if (count > 1) {
            int newer = number(to, count, count);
            int older = number(from, count - 1, count);
            diff = VersionDiff.between(older, versions.get(older - 1).text, newer, versions.get(newer - 1).text);
            mediaChange =
                    MediaChange.between(archivedPage.versions(), older, newer).orElse(null);
        }
        String encoded = URLEncoder.encode(post.url, StandardCharsets.UTF_8);
        PostPage page = new PostPage(
                post.id,
                post.accountId,
                archivedPage,
                timeline(post, versions),
                diff,
                mediaChange,
                IntStream.rangeClosed(1, count).boxed().toList(),
                "/archive?url=" + encoded,
                "/timemap/link/" + ArchivedPosts.inPath(post.url),
                "/api/posts/" + post.id + "/export.warc.gz",
                "/api/posts/" + post.id,
                SeenBefore.of(post.id, eventDetails),
                trustedTime(post),
                DeletionWindow.of(post, clock.instant()).orElse(null));
        return HtmlPage.ok(Templates.post(page), CsrfToken.of(cookie));
    }

    /** The platform's answer that proved the post deleted: the request, the response head, where it came from. */
    @GET
    @Path("/{id}/deletion-proof")
    @Transactional
    public Response deletionProof(@PathParam("id") long id, @CookieParam(CsrfToken.COOKIE) String cookie) {
        Post post = deleted(id);
        return HtmlPage.ok(
                Templates.deletionProof(DeletionProof.of(post.id, post.url, proof(post), clock.instant())),
                CsrfToken.of(cookie));
    }

    /** The answer's body exactly as received, inert: it is the platform's markup, not a page of ours. */
    @GET
    @Path("/{id}/deletion-proof/body")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response deletionProofBody(@PathParam("id") long id) {
        Capture capture = proof(deleted(id));
        if (capture.body == null) {
            throw new NotFoundException("the deletion proof of post " + id + " kept no body");
        }
        String type = DeletionProof.contentType(capture.responseHead);
        return Response.ok(capture.body, type)
                .header("Content-Security-Policy", ContentPolicy.ARCHIVED_BYTES)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"deletion-proof-" + id + "\"")
                .build();
    }

    private static Post deleted(long id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw new NotFoundException("no post with id " + id);
        }
        if (post.deletionCaptureId == null) {
            throw new NotFoundException("post " + id + " has no deletion proof");
        }
        return post;
    }

    private static Capture proof(Post post) {
        Capture capture = Capture.findById(post.deletionCaptureId);
        if (capture == null) {
            throw new NotFoundException("the deletion proof of post " + post.id + " is missing");
        }
        return capture;
    }

    private TrustedTime trustedTime(Post post) {
        return TrustedTime.of(
                stamper.coverage(chain.newestEntryAbout(List.of(post.id))),
                "this post's newest record",
                clock.instant());
    }

    private List<TimelineEntry> timeline(Post post, List<PostVersion> versions) {
        Instant now = clock.instant();
        List<Stamped> entries = new ArrayList<>();
        if (post.publishedAt != null) {
            entries.add(new Stamped(
                    post.publishedAt,
                    0,
                    new TimelineEntry(Moment.of(post.publishedAt, now), "Published", null, "t-published", null)));
        }
        for (int i = 0; i < versions.size(); i++) {
            PostVersion version = versions.get(i);
            String what = i == 0 ? "Version 1 archived" : "Version " + (i + 1) + " archived (changed)";
            entries.add(new Stamped(
                    version.observedAt,
                    1,
                    new TimelineEntry(
                            Moment.of(version.observedAt, now),
                            what,
                            Moment.after(post.publishedAt, version.observedAt, "publication"),
                            "t-version",
                            "content SHA-256 " + version.contentHash)));
        }
        for (EventRecord event : EventRecord.ofPost(post.id)) {
            entries.add(new Stamped(
                    event.detectedAt,
                    2,
                    new TimelineEntry(
                            Moment.of(event.detectedAt, now),
                            EventFeed.title(event.type),
                            Moment.after(post.publishedAt, event.detectedAt, "publication"),
                            "t-event",
                            null)));
        }
        entries.sort(Comparator.comparing(Stamped::at).thenComparing(Stamped::order));
        return entries.stream().map(Stamped::entry).toList();
    }

    /** Versions are numbered from 1; anything else falls back to the default. */
    private static int number(String text, int fallback, int count) {
        if (text != null && text.strip().matches("\\d{1,6}")) {
            int number = Integer.parseInt(text.strip());
            if (number >= 1 && number <= count) {
                return number;
            }
        }
        return fallback;
    }

    private record Stamped(Instant at, int order, TimelineEntry entry) {}
}
