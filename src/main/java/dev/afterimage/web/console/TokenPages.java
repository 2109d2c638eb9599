package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.security.ApiToken;
import dev.afterimage.security.ClientAddress;
import dev.afterimage.security.CreatedToken;
import dev.afterimage.security.Role;
import dev.afterimage.security.Roles;
import dev.afterimage.security.Tokens;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** Admins create API tokens (the secret shown once) and revoke them. */
@Path("/console/tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class TokenPages {

    private final Tokens tokens;
    private final SecurityIdentity identity;
    private final Clock clock;

    TokenPages(Tokens tokens, SecurityIdentity identity, Clock clock) {
        this.tokens = tokens;
        this.identity = identity;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tokens(
                List<TokenRow> tokens,
                List<String> roles,
                String name,
                String error,
                TokenRow created,
                String secret,
                CsrfToken csrf);
    }

    @GET
    public Response list(@CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(page("", null, null, null, token), token);
    }

    /** Answers the page itself, not a redirect: it is the one time the token is shown. */
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
            CreatedToken created = tokens.create(
                    name,
                    Role.parse(fields.getFirst("role"), "role"),
                    expiry(fields.getFirst("expires")),
                    identity.getPrincipal().getName(),
                    ClientAddress.of(request));
            return HtmlPage.status(
                    Response.Status.CREATED,
                    page("", null, row(created.token(), clock.instant()), created.secret(), token),
                    token);
        } catch (InvalidFieldException e) {
            return HtmlPage.status(Response.Status.BAD_REQUEST, page(name, e.getMessage(), null, null, token), token);
        }
    }

    @POST
    @CsrfProtected
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @Context HttpServerRequest request) {
        tokens.revoke(id, identity.getPrincipal().getName(), ClientAddress.of(request));
        return HtmlPage.seeOther("/console/tokens");
    }

    /** A date (the token lasts through it, UTC) or nothing (it never expires). */
    private static Instant expiry(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expires", "expires must be a date like 2027-01-31");
        }
    }

    private TemplateInstance page(String name, String error, TokenRow created, String secret, CsrfToken token) {
        Instant now = clock.instant();
        return Templates.tokens(
                tokens.list().stream().map(t -> row(t, now)).toList(),
                List.of(Roles.VIEWER, Roles.EDITOR, Roles.ADMIN),
                name,
                error,
                created,
                secret,
                token);
    }

    private static TokenRow row(ApiToken token, Instant now) {
        return new TokenRow(
                token.id,
                token.name,
                token.role.apiName(),
                token.createdBy,
                Moment.of(token.createdAt, now),
                Moment.of(token.expiresAt, now),
                Moment.of(token.lastUsedAt, now),
                Moment.of(token.revokedAt, now));
    }
}
