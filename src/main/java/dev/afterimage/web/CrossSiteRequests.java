package dev.afterimage.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses changes that another site's page makes a browser send (a hidden form posting to {@code /api/.../poll}):
 * browsers say where a request comes from in {@code Sec-Fetch-Site}. Clients that are not browsers (curl, scripts,
 * webhooks tooling) send no such header and are not affected; the console's own forms are same-origin.
 */
@Provider
public class CrossSiteRequests implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN = Set.of("cross-site", "same-site");

    @Override
    public void filter(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (!READS.contains(request.getMethod()) && site != null && FOREIGN.contains(site.strip())) {
            request.abortWith(Problem.response(
                    Response.Status.FORBIDDEN,
                    "a change requested by a page of another site (Sec-Fetch-Site: " + site.strip() + ") is refused",
                    null));
        }
    }
}
