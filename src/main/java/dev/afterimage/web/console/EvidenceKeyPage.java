package dev.afterimage.web.console;

import dev.afterimage.evidence.InstanceKey;
import dev.afterimage.evidence.PublishedKey;
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

/** The key this instance signs evidence packages with, for the operator to publish and readers to compare. */
@Path("/console/evidence-key")
@Produces(MediaType.TEXT_HTML)
public class EvidenceKeyPage {

    private final InstanceKey key;

    EvidenceKeyPage(InstanceKey key) {
        this.key = key;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance evidenceKey(PublishedKey key);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public Response show(@CookieParam(CsrfToken.COOKIE) String cookie) {
        return HtmlPage.ok(Templates.evidenceKey(key.published()), CsrfToken.of(cookie));
    }
}
