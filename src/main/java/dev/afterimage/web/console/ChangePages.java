package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.security.Roles;
import dev.afterimage.source.Platform;
import dev.afterimage.watch.Account;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * "What was deleted?": deletions and edits across every account, newest first, filtered by group, platform, account,
 * kind, days and words, and exported as CSV or JSON with the same filters.
 */
@Path("/console")
@RolesAllowed(Roles.VIEWER)
public class ChangePages {

    static final int PAGE_SIZE = 50;

    /** One export answers at most this many rows and links the next batch, so one click cannot hold the database. */
    static final int EXPORT_LIMIT = 10_000;

    /** Above this many accounts the filter asks for an account id instead of listing every name. */
    static final int MAX_LISTED_ACCOUNTS = 1_000;

    private final ChangeLog log;
    private final ChangeExport export;
    private final SearchIndex index;

    ChangePages(ChangeLog log, ChangeExport export, SearchIndex index) {
        this.log = log;
        this.export = export;
        this.index = index;
    }

    /** A choice of account in the filter. */
    public record AccountChoice(long id, String name) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance changes(
                ChangeFilter filter,
                List<ChangeRow> rows,
                String olderLink,
                List<String> groups,
                List<Platform> platforms,
                List<AccountChoice> accounts,
                List<ChangeKind> kinds,
                String exportQuery);
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.TEXT_HTML)
    public Response page(
            @QueryParam("group") String group,
            @QueryParam("platform") String platform,
            @QueryParam("account") String account,
            @QueryParam("type") List<String> types,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String q,
            @QueryParam("before") String before,
            @CookieParam(CsrfToken.COOKIE) String cookie) {
        ChangeFilter filter = ChangeFilter.parse(group, platform, account, types, from, to, q);
        List<ChangeRow> rows = find(filter, before, PAGE_SIZE);
        String olderLink = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            olderLink = link("/console/changes", filter, rows.getLast().eventId());
        }
        String query = filter.query();
        List<Account> all = Account.listAll();
        return HtmlPage.ok(
                Templates.changes(
                        filter,
                        rows,
                        olderLink,
                        groups(all),
                        Arrays.asList(Platform.values()),
                        all.size() > MAX_LISTED_ACCOUNTS ? List.of() : accounts(all),
                        Arrays.asList(ChangeKind.values()),
                        query.isEmpty() ? "" : "?" + query),
                CsrfToken.of(cookie));
    }

    @GET
    @Path("/changes.csv")
    @Produces("text/csv")
    public Response csv(
            @QueryParam("group") String group,
            @QueryParam("platform") String platform,
            @QueryParam("account") String account,
            @QueryParam("type") List<String> types,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String q,
            @QueryParam("before") String before) {
        ChangeFilter filter = ChangeFilter.parse(group, platform, account, types, from, to, q);
        return export(filter, before, "csv", "text/csv; charset=utf-8", export::csv);
    }

    @GET
    @Path("/changes.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(
            @QueryParam("group") String group,
            @QueryParam("platform") String platform,
            @QueryParam("account") String account,
            @QueryParam("type") List<String> types,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String q,
            @QueryParam("before") String before) {
        ChangeFilter filter = ChangeFilter.parse(group, platform, account, types, from, to, q);
        return export(filter, before, "json", MediaType.APPLICATION_JSON + "; charset=utf-8", export::json);
    }

    @FunctionalInterface
    private interface Writer {
        byte[] write(List<ChangeRow> rows);
    }

    private Response export(ChangeFilter filter, String before, String extension, String type, Writer writer) {
        List<ChangeRow> rows = find(filter, before, EXPORT_LIMIT);
        Response.ResponseBuilder response = Response.ok();
        if (rows.size() > EXPORT_LIMIT) {
            rows = rows.subList(0, EXPORT_LIMIT);
            // The next batch, as RFC 8288 links it: a script follows it, a reader narrows the days instead.
            response.header(
                    "Link",
                    "<"
                            + link(
                                    "/console/changes." + extension,
                                    filter,
                                    rows.getLast().eventId()) + ">; rel=\"next\"");
        }
        return response.entity(writer.write(rows))
                .type(type)
                .header("Content-Disposition", "attachment; filename=\"deletions-and-edits." + extension + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private List<ChangeRow> find(ChangeFilter filter, String before, int limit) {
        if (filter.searching()) {
            // What was archived a moment ago is found too, not only what the background indexer has reached.
            index.catchUp(1);
        }
        return log.find(filter, eventId(before), limit);
    }

    private static String link(String path, ChangeFilter filter, long before) {
        String query = filter.query();
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "before=" + before;
    }

    private static Long eventId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,18}")) {
            throw new InvalidFieldException("before", "before must be an event id, not \"" + text + "\"");
        }
        return Long.parseLong(text.strip());
    }

    private static List<String> groups(List<Account> all) {
        return all.stream()
                .map(account -> account.groupName)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    private static List<AccountChoice> accounts(List<Account> all) {
        return all.stream()
                .map(account -> new AccountChoice(
                        account.id, Wording.accountName(account.platform, account.label, account.handle)))
                .sorted(Comparator.comparing(AccountChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
