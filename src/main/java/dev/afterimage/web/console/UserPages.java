package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.security.ClientAddress;
import dev.afterimage.security.Role;
import dev.afterimage.security.Roles;
import dev.afterimage.security.User;
import dev.afterimage.security.Users;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/** Admins add people, change their role, and remove them. */
@Path("/console/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class UserPages {

    private final Users users;
    private final SecurityIdentity identity;

    UserPages(Users users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    /** @param roles the role names a form offers */
    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance users(
                List<User> users, List<String> roles, String name, String error, CsrfToken csrf);
    }

    @GET
    public Response list(@CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(page("", null, token), token);
    }

    @POST
    @CsrfProtected
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @CookieParam(CsrfToken.COOKIE) String cookie,
            MultivaluedMap<String, String> fields,
            @Context HttpServerRequest request) {
        CsrfToken token = CsrfToken.of(cookie);
        String name = Objects.requireNonNullElse(fields.getFirst("name"), "");
        try {
            users.create(
                    name,
                    fields.getFirst("password"),
                    Role.parse(fields.getFirst("role"), "role"),
                    actor(),
                    ClientAddress.of(request));
        } catch (InvalidFieldException e) {
            return HtmlPage.status(Response.Status.BAD_REQUEST, page(name, e.getMessage(), token), token);
        }
        return HtmlPage.seeOther("/console/users");
    }

    @POST
    @CsrfProtected
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(
            @PathParam("id") long id, MultivaluedMap<String, String> fields, @Context HttpServerRequest request) {
        users.changeRole(id, Role.parse(fields.getFirst("role"), "role"), actor(), ClientAddress.of(request));
        return HtmlPage.seeOther("/console/users");
    }

    @POST
    @CsrfProtected
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @Context HttpServerRequest request) {
        users.delete(id, actor(), ClientAddress.of(request));
        return HtmlPage.seeOther("/console/users");
    }

    private TemplateInstance page(String name, String error, CsrfToken token) {
        return Templates.users(users.list(), List.of(Roles.VIEWER, Roles.EDITOR, Roles.ADMIN), name, error, token);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
