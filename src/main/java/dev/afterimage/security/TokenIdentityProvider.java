package dev.afterimage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** API tokens and console sessions. A stale session is nobody (the console asks to sign in); a bad token is a 401. */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Credentials credentials;

    TokenIdentityProvider(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which reads the same request type as a JWT and would refuse our tokens. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String client = request.getAttribute(CredentialMechanism.CLIENT);
        if (client == null) {
            // Not from CredentialMechanism (an OpenID Connect ID token, say): the next provider's to judge.
            return Uni.createFrom().nullItem();
        }
        String secret = request.getToken().getToken();
        if (CredentialMechanism.SESSION_TOKEN.equals(request.getToken().getType())) {
            return context.runBlocking(() -> credentials
                    .session(secret)
                    .map(caller -> Identities.of(caller, Identities.VIA_SESSION))
                    .orElseGet(() -> credentials.secured() ? Identities.anonymous() : Identities.open()));
        }
        return context.runBlocking(() -> credentials
                .token(secret, client)
                .map(caller -> Identities.of(caller, Identities.VIA_TOKEN))
                .orElseThrow(() -> new AuthenticationFailedException("the token is unknown, expired or revoked")));
    }
}
