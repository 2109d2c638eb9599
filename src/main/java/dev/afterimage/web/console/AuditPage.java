package dev.afterimage.web.console;

import dev.afterimage.security.AuditLog;
import dev.afterimage.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The security events, newest first: logins, failed logins, token use, changes to users, tokens and webhooks. */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AuditPage {

    /** A screenful of recent events; older ones stay in the audit_event table. */
    private static final int SHOWN = 200;

    private final AuditLog audit;
    private final Clock clock;

    AuditPage(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** One line of the log. */
    record AuditRow(Moment at, String kind, String actor, String client, String detail) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance audit(List<AuditRow> events);
    }

    @GET
    public Response show(@CookieParam(CsrfToken.COOKIE) String cookie) {
        Instant now = clock.instant();
        List<AuditRow> rows = audit.latest(SHOWN).stream()
                .map(e -> new AuditRow(Moment.of(e.occurredAt, now), e.kind, e.actor, e.client, e.detail))
                .toList();
        return HtmlPage.ok(Templates.audit(rows), CsrfToken.of(cookie));
    }
}
