package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.WarcExport;
import dev.afterimage.evidence.EvidencePackages;
import dev.afterimage.security.Roles;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.PlatformNamings;
import dev.afterimage.watch.Account;
import dev.afterimage.watch.AccountOrigin;
import dev.afterimage.watch.AccountPatch;
import dev.afterimage.watch.AccountRequest;
import dev.afterimage.watch.AccountService;
import dev.afterimage.watch.PollSummary;
import dev.afterimage.watch.Poller;
import dev.afterimage.web.ExpensiveRead;
import dev.afterimage.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Watched accounts: add, list, change, remove, poll now. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class AccountResource {

    private final AccountService accounts;
    private final Poller poller;
    private final WarcExport warc;
    private final PlatformNamings namings;
    private final EvidencePackages packages;
    private final Clock clock;

    AccountResource(
            AccountService accounts,
            Poller poller,
            WarcExport warc,
            PlatformNamings namings,
            EvidencePackages packages,
            Clock clock) {
        this.accounts = accounts;
        this.poller = poller;
        this.warc = warc;
        this.namings = namings;
        this.packages = packages;
        this.clock = clock;
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    public Response create(AccountRequest request, UriInfo uri) {
        AccountView created = AccountView.of(accounts.create(requireBody(request), AccountOrigin.API));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    /** Which account a profile URL names, without watching it: a 400 naming {@code url} when it names none. */
    @GET
    @Path("/resolve")
    public ResolvedAccount resolve(@QueryParam("url") String url) {
        AccountRef ref = accounts.resolve(new AccountRequest(url, null, null, null, null, null));
        return new ResolvedAccount(
                ref.platform().apiName(),
                ref.handle(),
                namings.of(ref.platform()).canonicalAccountUrl(ref));
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") long id) {
        return AccountView.of(accounts.get(id));
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path("/{id}")
    public AccountView update(@PathParam("id") long id, AccountPatch patch) {
        return AccountView.of(accounts.update(id, requireBody(patch)));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        accounts.delete(id);
        return Response.noContent().build();
    }

    /** Runs one poll now and answers what it found. */
    @RolesAllowed(Roles.EDITOR)
    @POST
    @Path("/{id}/poll")
    @Consumes(MediaType.WILDCARD)
    public PollSummary poll(@PathParam("id") long id) {
        accounts.get(id);
        return poller.poll(id);
    }

    /** The fetches behind every archived post of the account, as a gzipped WARC. */
    @RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
    @ExpensiveRead
    @GET
    @Path("/{id}/export.warc.gz")
    @Produces("application/warc")
    public Response exportWarc(@PathParam("id") long id) {
        accounts.get(id);
        StreamingOutput body = out -> warc.writeAccount(id, out);
        return Response.ok(body, "application/warc")
                .header("Content-Disposition", "attachment; filename=\"afterimage-account-" + id + ".warc.gz\"")
                .build();
    }

    /**
     * The account's posts first seen in {@code [from, to)} as a signed WACZ evidence package (see docs/evidence.md).
     * Both bounds are optional: from the first post, up to now.
     */
    @RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
    @ExpensiveRead
    @GET
    @Path("/{id}/evidence.wacz")
    @Produces(EvidenceResource.WACZ)
    public Response evidence(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Account account = accounts.get(id);
        Instant start =
                Optional.ofNullable(QueryParameters.instant(from, "from")).orElse(Instant.EPOCH);
        Instant end = Optional.ofNullable(QueryParameters.instant(to, "to")).orElseGet(clock::instant);
        if (!start.isBefore(end)) {
            throw new InvalidFieldException("to", "to must be after from");
        }
        List<Long> posts = packages.postsOfAccount(id, start, end);
        String title = account.platform + " " + account.handle + ", posts first seen " + start + " to " + end;
        StreamingOutput body = out -> packages.write(title, posts, out);
        return Response.ok(body, EvidenceResource.WACZ)
                .header("Content-Disposition", "attachment; filename=\"afterimage-account-" + id + ".wacz\"")
                .build();
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw new BadRequestException(
                    Problem.response(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "a JSON body is required", null));
        }
        return body;
    }
}
