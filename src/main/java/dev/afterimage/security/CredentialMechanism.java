package dev.afterimage.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Reads who a request comes from: {@code Authorization: Bearer} (an API token), {@code Authorization: Basic} (a user's
 * name and password), the console's session cookie, or nothing (the owner of an open install, the public, or nobody).
 */
@ApplicationScoped
public class CredentialMechanism implements HttpAuthenticationMechanism {

    /** Request attribute carrying the client's address to the providers, for the throttle and the audit log. */
    static final String CLIENT = "afterimage.client";

    static final String SESSION_TOKEN = "session";
    static final String BEARER_TOKEN = "bearer";

    /** quarkus-oidc's session cookie (its default name; a tenant's cookie adds a suffix). */
    static final String SSO_SESSION_COOKIE = "q_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String client = ClientAddress.of(context);
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            return identities.authenticate(withClient(fromAuthorization(authorization.strip()), client));
        }
        Cookie session = context.request().getCookie(Sessions.COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return identities.authenticate(withClient(
                    new TokenAuthenticationRequest(new TokenCredential(session.getValue(), SESSION_TOKEN)), client));
        }
        if (singleSignOnSession(context)) {
            // The OpenID Connect mechanism reads its own session cookie; the ambient identity would mask it.
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(withClient(new AmbientRequest(), client));
    }

    private static boolean singleSignOnSession(RoutingContext context) {
        return context.request().cookies().stream()
                .anyMatch(cookie -> cookie.getName().startsWith(SSO_SESSION_COOKIE));
    }

    private static AuthenticationRequest fromAuthorization(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return new TokenAuthenticationRequest(new TokenCredential(value, BEARER_TOKEN));
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded = decode(value);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return new UsernamePasswordAuthenticationRequest(
                        decoded.substring(0, colon),
                        new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
            }
        }
        // An Authorization header we cannot read is a failed login, never a fall-back to the ambient identity.
        return new TokenAuthenticationRequest(new TokenCredential("", BEARER_TOKEN));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static AuthenticationRequest withClient(AuthenticationRequest request, String client) {
        request.setAttribute(CLIENT, client);
        return request;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom()
                .item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"afterimage\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(
                TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class, AmbientRequest.class);
    }
}
