package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.NewestPosts;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.archive.WarcExport;
import dev.afterimage.evidence.EvidencePackages;
import dev.afterimage.security.Roles;
import dev.afterimage.web.ExpensiveRead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Archived posts, newest first. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class PostResource {

    private final WarcExport warc;
    private final EvidencePackages packages;

    PostResource(WarcExport warc, EvidencePackages packages) {
        this.warc = warc;
        this.packages = packages;
    }

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @GET
    @Transactional
    public List<PostView> list(
            @QueryParam("account") String accountParam,
            @QueryParam("state") String state,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Long accountId = QueryParameters.number(accountParam, "account");
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        int from = QueryParameters.offset(offset);
        Optional<PostState> wanted =
                state == null || state.isBlank() ? Optional.empty() : Optional.of(parseState(state));
        List<Post> posts = new NewestPosts(
                        accountId == null ? OptionalLong.empty() : OptionalLong.of(accountId), wanted, false)
                .read(from, size);
        Map<Long, String> platforms = new HashMap<>();
        return posts.stream()
                .map(post -> PostView.of(post, platforms.computeIfAbsent(post.accountId, PostView::platformOf)))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public PostDetailView get(@PathParam("id") long id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw new NotFoundException("no post with id " + id);
        }
        return PostDetailView.of(post);
    }

    /** The fetches behind the post (pages and media) as a gzipped WARC, for any WARC tool. */
    @RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
    @ExpensiveRead
    @GET
    @Path("/{id}/export.warc.gz")
    @Produces("application/warc")
    public Response exportWarc(@PathParam("id") long id) {
        if (QuarkusTransaction.requiringNew().call(() -> Post.findById(id)) == null) {
            throw new NotFoundException("no post with id " + id);
        }
        StreamingOutput body = out -> warc.writePost(id, out);
        return Response.ok(body, "application/warc")
                .header("Content-Disposition", "attachment; filename=\"afterimage-post-" + id + ".warc.gz\"")
                .build();
    }

    /**
     * The post as a signed WACZ evidence package: every version, its media, the pages they were read from and the
     * deletion proof, with provenance.html and the chain entries (see docs/evidence.md).
     */
    @RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
    @ExpensiveRead
    @GET
    @Path("/{id}/evidence.wacz")
    @Produces(EvidenceResource.WACZ)
    public Response evidence(@PathParam("id") long id) {
        Post post = QuarkusTransaction.requiringNew().call(() -> Post.findById(id));
        if (post == null) {
            throw new NotFoundException("no post with id " + id);
        }
        StreamingOutput body = out -> packages.write("Post " + post.url, List.of(id), out);
        return Response.ok(body, EvidenceResource.WACZ)
                .header("Content-Disposition", "attachment; filename=\"afterimage-post-" + id + ".wacz\"")
                .build();
    }

    private static PostState parseState(String state) {
        try {
            return PostState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("state", "state must be LIVE or DELETED, not \"" + state + "\"");
        }
    }
}
