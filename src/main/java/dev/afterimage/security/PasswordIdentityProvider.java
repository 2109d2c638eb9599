package dev.afterimage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP Basic on the API: a user's name and password, throttled like the console's login form. */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Credentials credentials;

    PasswordIdentityProvider(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String client = request.getAttribute(CredentialMechanism.CLIENT);
        return context.runBlocking(() -> switch (credentials.password(name, password, client)) {
            case LoginOutcome.Accepted accepted -> Identities.of(accepted.caller(), Identities.VIA_BASIC);
            case LoginOutcome.Refused refused -> throw new AuthenticationFailedException("wrong name or password");
            case LoginOutcome.Throttled throttled ->
                throw new AuthenticationFailedException("too many failed logins: try again in "
                        + throttled.retryAfter().toSeconds() + " s");
        });
    }
}
