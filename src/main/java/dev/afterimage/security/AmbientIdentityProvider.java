package dev.afterimage.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A request without credentials: the owner while no user exists (an open single-user install), else a public reader
 * when the public archive mode is on, else nobody.
 */
@ApplicationScoped
class AmbientIdentityProvider implements IdentityProvider<AmbientRequest> {

    private final Credentials credentials;
    private final Users users;
    private final PublicArchiveConfig archive;

    AmbientIdentityProvider(Credentials credentials, Users users, PublicArchiveConfig archive) {
        this.credentials = credentials;
        this.users = users;
        this.archive = archive;
    }

    @Override
    public Class<AmbientRequest> getRequestType() {
        return AmbientRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AmbientRequest request, AuthenticationRequestContext context) {
        if (users.knownSecured()) {
            return Uni.createFrom().item(nobody());
        }
        return context.runBlocking(() -> credentials.secured() ? nobody() : Identities.open());
    }

    private SecurityIdentity nobody() {
        return archive.open() ? Identities.publicReader() : Identities.anonymous();
    }
}
