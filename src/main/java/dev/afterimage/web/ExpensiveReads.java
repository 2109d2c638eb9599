package dev.afterimage.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets an {@link ExpensiveRead} through only when the request could not come from another site: it carries a token
 * (Authorization) or a custom header (X-Requested-With, which needs a preflight cross-site), or the browser says it
 * was the console's own page or the person themselves (Sec-Fetch-Site same-origin or none).
 */
public class ExpensiveReads {

    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @ServerRequestFilter
    public Response gate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(ExpensiveRead.class)) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (request.getHeaderString("Authorization") != null
                || request.getHeaderString("X-Requested-With") != null
                || (site != null && OWN_SITE.contains(site.strip()))) {
            return null;
        }
        return Problem.response(
                Response.Status.FORBIDDEN,
                "this read costs the service real work: send an X-Requested-With header or an API token",
                null);
    }
}
