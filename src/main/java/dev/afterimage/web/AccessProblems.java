package dev.afterimage.web;

import dev.afterimage.security.Identities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Access refused: 401 (sign in, or send a token) when nobody signed in, 403 when the role is too weak; a console page
 * sends a person who has not signed in to the login page instead.
 */
public class AccessProblems {

    private static final String CHALLENGE = "Bearer realm=\"afterimage\"";

    private final CurrentIdentityAssociation identity;

    AccessProblems(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return signInFirst(uri, "sign in, or send an API token (Authorization: Bearer …)");
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        String reason =
                e.getMessage() == null || e.getMessage().isBlank() ? "the credentials were refused" : e.getMessage();
        return signInFirst(uri, reason);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        SecurityIdentity caller = identity.getIdentity();
        if (caller == null || !Identities.signedIn(caller)) {
            return signInFirst(uri, "sign in, or send an API token (Authorization: Bearer …)");
        }
        return Problem.response(
                Response.Status.FORBIDDEN,
                caller.getPrincipal().getName() + "'s role does not allow this; ask an admin for a stronger role",
                null);
    }

    private static Response signInFirst(UriInfo uri, String detail) {
        String path = uri.getPath();
        if (path.startsWith("/console")) {
            String back = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null
                            ? ""
                            : "?" + uri.getRequestUri().getRawQuery());
            return Response.seeOther(
                            URI.create("/console/login?then=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                    .build();
        }
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail, null))
                .header("WWW-Authenticate", CHALLENGE)
                .build();
    }
}
