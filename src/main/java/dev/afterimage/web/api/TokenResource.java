package dev.afterimage.web.api;

import dev.afterimage.security.ClientAddress;
import dev.afterimage.security.CreatedToken;
import dev.afterimage.security.Role;
import dev.afterimage.security.Roles;
import dev.afterimage.security.Tokens;
import dev.afterimage.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** API tokens: created by admins (the secret answered once), listed without secrets, revoked. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    private final Tokens tokens;
    private final SecurityIdentity identity;

    TokenResource(Tokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    public Response create(TokenRequest request, UriInfo uri, @Context HttpServerRequest http) {
        if (request == null) {
            throw new BadRequestException(
                    Problem.response(Response.Status.BAD_REQUEST, "a JSON body is required", null));
        }
        CreatedToken created = tokens.create(
                request.name(),
                Role.parse(request.role(), "role"),
                request.expiresAt(),
                identity.getPrincipal().getName(),
                ClientAddress.of(http));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.token().id))
                        .build())
                .entity(TokenView.of(created.token(), created.secret()))
                .build();
    }

    @GET
    public List<TokenView> list() {
        return tokens.list().stream().map(token -> TokenView.of(token, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id, @Context HttpServerRequest http) {
        tokens.revoke(id, identity.getPrincipal().getName(), ClientAddress.of(http));
        return Response.noContent().build();
    }
}
