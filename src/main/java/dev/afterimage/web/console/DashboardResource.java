package dev.afterimage.web.console;

import dev.afterimage.security.Roles;
import dev.afterimage.spend.XSpend;
import dev.afterimage.spend.XSpendMeter;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The console's home: every account at a glance, and events as they are detected. */
@Path("/console")
@RolesAllowed(Roles.VIEWER)
public class DashboardResource {

    /** As many as fit a screen; older events are a click away in the API. */
    private static final int FEED_SIZE = 30;

    private final Dashboard dashboard;
    private final EventFeed feed;

    /** A month of days: long enough to see a pattern, short enough for each bar to be seen. */
    static final int CHART_DAYS = 30;

    private final XSpendMeter spend;
    private final DailyActivity activity;

    DashboardResource(Dashboard dashboard, EventFeed feed, XSpendMeter spend, DailyActivity activity) {
        this.dashboard = dashboard;
        this.feed = feed;
        this.spend = spend;
        this.activity = activity;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dashboard(
                String words,
                Dashboard.AccountsPage accounts,
                String pageLink,
                List<FeedItem> feed,
                long after,
                XSpend xToday,
                XSpend xMonth,
                ActivityChart chart,
                ArchiveProgress progress);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(
            @QueryParam("q") String words,
            @QueryParam("page") String page,
            @CookieParam(CsrfToken.COOKIE) String cookie) {
        String shown = words == null ? "" : words.strip();
        List<FeedItem> events = feed.latest(FEED_SIZE);
        long after = events.isEmpty() ? 0 : events.getFirst().id();
        return HtmlPage.ok(
                Templates.dashboard(
                        shown,
                        dashboard.accounts(shown, PageNumber.of(page)),
                        "/console?"
                                + (shown.isEmpty() ? "" : "q=" + URLEncoder.encode(shown, StandardCharsets.UTF_8) + "&")
                                + "page=",
                        events,
                        after,
                        spend.today(),
                        spend.month(),
                        ActivityChart.of("activity-all", activity.lastDays(CHART_DAYS, null)),
                        activity.progress(null)),
                CsrfToken.of(cookie));
    }
}
