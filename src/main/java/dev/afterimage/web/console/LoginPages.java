package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.security.AuditLog;
import dev.afterimage.security.ClientAddress;
import dev.afterimage.security.LoginOutcome;
import dev.afterimage.security.Role;
import dev.afterimage.security.Roles;
import dev.afterimage.security.Sessions;
import dev.afterimage.security.Users;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/** Signing in and out, and creating the first admin of an open install from this machine. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPages {

    private final Users users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final boolean singleSignOn;

    LoginPages(Users users, Sessions sessions, AuditLog audit, Config config) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.singleSignOn = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class)
                .orElse(false);
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(
                String then, String name, String error, boolean open, boolean sso, CsrfToken csrf);

        static native TemplateInstance setup(String name, String error, CsrfToken csrf);
    }

    @GET
    @Path("/login")
    public Response loginPage(@QueryParam("then") String then, @CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.login(destination(then), "", null, !users.secured(), singleSignOn, token), token);
    }

    /**
     * Single sign-on: the OpenID Connect provider signs the user in (authorization code flow; quarkus-oidc answers on
     * the way there and back), then the console opens. Needs a role, so a provider's user with none gets 403.
     */
    @GET
    @Path("/sso")
    @RolesAllowed(Roles.VIEWER)
    public Response singleSignOn() {
        return Response.seeOther(URI.create("/console")).build();
    }

    @POST
    @CsrfProtected
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(
            @CookieParam(CsrfToken.COOKIE) String cookie,
            MultivaluedMap<String, String> fields,
            @Context HttpServerRequest request) {
        CsrfToken token = CsrfToken.of(cookie);
        String name = Objects.requireNonNullElse(fields.getFirst("name"), "");
        String then = destination(fields.getFirst("then"));
        LoginOutcome outcome = users.login(name, fields.getFirst("password"), ClientAddress.of(request), "console");
        return switch (outcome) {
            case LoginOutcome.Accepted accepted ->
                Response.seeOther(URI.create(then))
                        .cookie(ConsoleCookies.session(
                                sessions.open(accepted.caller().name()), request))
                        .build();
            case LoginOutcome.Refused refused ->
                HtmlPage.status(
                        Response.Status.UNAUTHORIZED,
                        Templates.login(then, name, "Wrong name or password.", false, singleSignOn, token),
                        token);
            case LoginOutcome.Throttled throttled ->
                Response.fromResponse(HtmlPage.status(
                                Response.Status.TOO_MANY_REQUESTS,
                                Templates.login(
                                        then,
                                        name,
                                        "Too many failed attempts: wait "
                                                + throttled.retryAfter().toSeconds() + " seconds before trying again.",
                                        false,
                                        singleSignOn,
                                        token),
                                token))
                        .header(
                                "Retry-After",
                                Math.max(1, throttled.retryAfter().toSeconds()))
                        .build();
        };
    }

    @POST
    @CsrfProtected
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(
            @CookieParam(CsrfToken.COOKIE) String cookie,
            @CookieParam(Sessions.COOKIE) String session,
            @Context HttpServerRequest request) {
        if (session != null) {
            sessions.caller(session)
                    .ifPresent(caller -> audit.record("logout", caller.name(), ClientAddress.of(request), null));
            sessions.close(session);
        }
        return Response.seeOther(URI.create("/console/login"))
                .cookie(ConsoleCookies.expiredSession(request))
                .build();
    }

    /** Offered only while no user exists, and only to a browser on this machine that names it by a loopback name. */
    @GET
    @Path("/setup")
    public Response setupPage(@CookieParam(CsrfToken.COOKIE) String cookie, @Context HttpServerRequest request) {
        refuseUnlessSetupAllowed(request);
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.setup("", null, token), token);
    }

    @POST
    @CsrfProtected
    @Path("/setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setup(
            @CookieParam(CsrfToken.COOKIE) String cookie,
            MultivaluedMap<String, String> fields,
            @Context HttpServerRequest request) {
        refuseUnlessSetupAllowed(request);
        CsrfToken token = CsrfToken.of(cookie);
        String name = Objects.requireNonNullElse(fields.getFirst("name"), "");
        String password = fields.getFirst("password");
        if (password == null || !password.equals(fields.getFirst("confirm"))) {
            return HtmlPage.status(
                    Response.Status.BAD_REQUEST, Templates.setup(name, "The two passwords differ.", token), token);
        }
        try {
            users.create(name, password, Role.ADMIN, name, ClientAddress.of(request));
        } catch (InvalidFieldException e) {
            return HtmlPage.status(Response.Status.BAD_REQUEST, Templates.setup(name, e.getMessage(), token), token);
        }
        return Response.seeOther(URI.create("/console"))
                .cookie(ConsoleCookies.session(sessions.open(name.strip()), request))
                .build();
    }

    private void refuseUnlessSetupAllowed(HttpServerRequest request) {
        if (users.secured()) {
            throw new jakarta.ws.rs.NotFoundException("the first admin exists already: sign in instead");
        }
        if (!ClientAddress.fromThisMachine(request)) {
            throw new jakarta.ws.rs.ForbiddenException("the first admin can be created only from the machine the"
                    + " service runs on (http://localhost:PORT/console/setup), or with"
                    + " AFTERIMAGE_SECURITY_BOOTSTRAP_ADMIN=name:password");
        }
    }

    /** Back to the console page that sent the person here, never to another site. */
    private static String destination(String then) {
        if (then == null || !then.startsWith("/console") || then.startsWith("/console/login") || then.contains("\\")) {
            return "/console";
        }
        return then;
    }
}
