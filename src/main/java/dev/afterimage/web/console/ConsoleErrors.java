package dev.afterimage.web.console;

import dev.afterimage.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A console page that fails (an unknown post, a stale form) answers with a page a person can read, not the problem
 * JSON the API answers with: same status, same words, and a way back.
 */
class ConsoleErrors {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(String title, String detail);
    }

    @ServerResponseFilter
    void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/console") || path.startsWith("/console/events")) {
            return;
        }
        if (response.getStatus() < 400 || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.setEntity(
                Templates.error(problem.title(), problem.detail()).render(),
                new Annotation[0],
                MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        response.getHeaders().putSingle("Content-Security-Policy", HtmlPage.POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
