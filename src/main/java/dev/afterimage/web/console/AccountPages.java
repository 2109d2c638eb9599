package dev.afterimage.web.console;

import dev.afterimage.ConflictException;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.EvidenceChain;
import dev.afterimage.archive.Post;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.evidence.stamp.ChainStamper;
import dev.afterimage.security.Roles;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.PlatformNamings;
import dev.afterimage.watch.Account;
import dev.afterimage.watch.AccountHasArchiveException;
import dev.afterimage.watch.AccountOrigin;
import dev.afterimage.watch.AccountPatch;
import dev.afterimage.watch.AccountService;
import dev.afterimage.watch.DuplicateAccountException;
import dev.afterimage.watch.PollSummary;
import dev.afterimage.watch.Poller;
import dev.afterimage.watch.SkippedPost;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** An account's page and controls, and the form that adds one. Every change is a form post, then a redirect. */
@Path("/console/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class AccountPages {

    private final AccountService accounts;
    private final Poller poller;
    private final PlatformNamings namings;
    /** Skipped posts listed on an account's page: the latest reasons, enough to act on. */
    private static final int SKIPPED_SHOWN = 20;

    private final PostList posts;
    private final SearchIndex index;
    private final EvidenceChain chain;
    private final ChainStamper stamper;
    private final Clock clock;

    private final DailyActivity activity;

    AccountPages(
            AccountService accounts,
            Poller poller,
            PlatformNamings namings,
            PostList posts,
            SearchIndex index,
            EvidenceChain chain,
            ChainStamper stamper,
            DailyActivity activity,
            Clock clock) {
        this.activity = activity;
        this.chain = chain;
        this.stamper = stamper;
        this.accounts = accounts;
        this.poller = poller;
        this.namings = namings;
        this.posts = posts;
        this.index = index;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance addAccount(AccountForm form, CsrfToken csrf);

        static native TemplateInstance account(
                AccountDetail account,
                List<PostRow> posts,
                List<PostFilter> filters,
                PostFilter filter,
                String words,
                String pageLink,
                int page,
                boolean hasNext,
                String notice,
                ActivityChart chart,
                ArchiveProgress progress,
                CsrfToken csrf);

        static native TemplateInstance deleteAccount(
                AccountDetail account, long archived, String problem, CsrfToken csrf);
    }

    @RolesAllowed(Roles.EDITOR)
    @GET
    @Path("/new")
    public Response newAccount(@CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.addAccount(AccountForm.empty(), token), token);
    }

    /** Adds the account; with {@code action=check} (the no-script "Check" button) only says what the URL names. */
    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@CookieParam(CsrfToken.COOKIE) String cookie, MultivaluedMap<String, String> fields) {
        CsrfToken token = CsrfToken.of(cookie);
        AccountForm form = AccountForm.read(fields);
        try {
            AccountRef ref = accounts.resolve(form.request());
            form = form.withDetected(describe(ref));
            if ("check".equals(fields.getFirst("action"))) {
                return HtmlPage.ok(Templates.addAccount(form, token), token);
            }
            Account created = accounts.create(form.request(), AccountOrigin.API);
            return HtmlPage.seeOther("/console/accounts/" + created.id + "?notice=created");
        } catch (InvalidFieldException e) {
            return HtmlPage.status(
                    Response.Status.BAD_REQUEST,
                    Templates.addAccount(form.withError(e.field(), e.getMessage()), token),
                    token);
        } catch (DuplicateAccountException e) {
            return HtmlPage.status(
                    Response.Status.CONFLICT,
                    Templates.addAccount(
                            form.withError(
                                    "url", "already watched as account " + e.existingId() + ": " + e.getMessage()),
                            token),
                    token);
        }
    }

    @GET
    @Path("/{id}")
    public Response show(
            @PathParam("id") long id,
            @QueryParam("state") String state,
            @QueryParam("q") String words,
            @QueryParam("page") String pageParam,
            @QueryParam("notice") String notice,
            @QueryParam("outcome") String outcome,
            @QueryParam("new") String newPosts,
            @QueryParam("versions") String newVersions,
            @QueryParam("deleted") String deleted,
            @CookieParam(CsrfToken.COOKIE) String cookie) {
        AccountDetail account = detail(id);
        PostFilter filter = PostFilter.of(state);
        int page = PageNumber.of(pageParam);
        if (words != null && !words.isBlank()) {
            // What was archived a moment ago is found too, not only what the background indexer has reached.
            index.catchUp(1);
        }
        PostList.Page found = posts.find(id, filter, words, page);
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(
                Templates.account(
                        account,
                        found.rows(),
                        List.of(PostFilter.values()),
                        filter,
                        words == null ? "" : words.strip(),
                        "/console/accounts/" + id + "?state=" + filter.param()
                                + (words == null || words.isBlank() ? "" : "&q=" + encode(words.strip()))
                                + "&page=",
                        page,
                        found.hasNext(),
                        notice(notice, outcome, newPosts, newVersions, deleted),
                        ActivityChart.of("activity-account", activity.lastDays(DashboardResource.CHART_DAYS, id)),
                        activity.progress(id),
                        token),
                token);
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Path("/{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("id") long id) {
        accounts.update(id, new AccountPatch(null, null, false));
        return HtmlPage.seeOther("/console/accounts/" + id + "?notice=paused");
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") long id) {
        accounts.update(id, new AccountPatch(null, null, true));
        return HtmlPage.seeOther("/console/accounts/" + id + "?notice=resumed");
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Path("/{id}/interval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response interval(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        try {
            accounts.update(
                    id, new AccountPatch(null, AccountForm.interval(AccountForm.text(fields, "interval")), null));
        } catch (InvalidFieldException e) {
            return HtmlPage.seeOther("/console/accounts/" + id + "?notice=interval-refused");
        }
        return HtmlPage.seeOther("/console/accounts/" + id + "?notice=interval");
    }

    /** Polls now and comes back with what the poll found. */
    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Path("/{id}/poll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response poll(@PathParam("id") long id) {
        accounts.get(id);
        try {
            PollSummary summary = poller.poll(id);
            return HtmlPage.seeOther("/console/accounts/" + id + "?notice=polled&outcome=" + summary.outcome()
                    + "&new=" + summary.newPosts() + "&versions=" + summary.newVersions() + "&deleted="
                    + summary.deleted());
        } catch (ConflictException e) {
            return HtmlPage.seeOther("/console/accounts/" + id + "?notice=poll-busy");
        }
    }

    /** The confirmation step; an account with archived posts is shown why it stays, and offered a pause. */
    @RolesAllowed(Roles.EDITOR)
    @GET
    @Path("/{id}/delete")
    public Response confirmDelete(@PathParam("id") long id, @CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.deleteAccount(detail(id), archived(id), null, token), token);
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @CsrfProtected
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        try {
            accounts.delete(id);
        } catch (AccountHasArchiveException e) {
            return HtmlPage.status(
                    Response.Status.CONFLICT,
                    Templates.deleteAccount(detail(id), archived(id), e.getMessage(), token),
                    token);
        }
        return HtmlPage.seeOther("/console");
    }

    private AccountDetail detail(long id) {
        Account account = accounts.get(id);
        Instant now = clock.instant();
        AccountRow row = AccountRow.of(account, now, 0, 0, 0);
        return new AccountDetail(
                row,
                account.enabled,
                account.pollIntervalSeconds,
                Wording.every(account.pollInterval()),
                Moment.of(account.lastSuccessAt, now),
                account.options(),
                QuarkusTransaction.requiringNew().call(() -> SkippedPost.ofAccount(id, SKIPPED_SHOWN).stream()
                        .map(skipped -> SkippedRow.of(skipped, now))
                        .toList()),
                TrustedTime.of(stamper.coverage(chain.head().seq()), "everything archived so far", now));
    }

    private static long archived(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Post.count("accountId", id));
    }

    private String describe(AccountRef ref) {
        return PlatformBadge.of(ref.platform()).name() + " account @" + ref.handle() + " — "
                + namings.of(ref.platform()).canonicalAccountUrl(ref);
    }

    /** The message for a code this console put in its own redirect; anything else shows nothing. */
    private static String notice(String code, String outcome, String newPosts, String versions, String deleted) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> "Account added. Poll it now, or wait for its first scheduled poll.";
            case "paused" -> "Paused: no polls until you resume.";
            case "resumed" -> "Resumed: polls are scheduled again.";
            case "interval" -> "Poll interval changed.";
            case "interval-refused" -> "That poll interval was refused: give whole seconds within the allowed range.";
            case "poll-busy" -> "A poll of this account is already running; try again in a moment.";
            case "polled" ->
                "Polled: " + outcomeName(outcome) + ", " + whole(newPosts) + " new posts, " + whole(versions)
                        + " new versions, " + whole(deleted) + " deletions confirmed.";
            default -> null;
        };
    }

    private static String outcomeName(String outcome) {
        for (PollOutcome known : PollOutcome.values()) {
            if (known.name().equals(outcome)) {
                return Wording.outcome(known);
            }
        }
        return "done";
    }

    private static int whole(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : 0;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
