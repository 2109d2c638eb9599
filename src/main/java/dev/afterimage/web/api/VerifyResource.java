package dev.afterimage.web.api;

import dev.afterimage.archive.ChainVerification;
import dev.afterimage.archive.ChainVerifier;
import dev.afterimage.security.Roles;
import dev.afterimage.web.ExpensiveRead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Re-checks the whole evidence chain and every stored byte it covers. */
@Path("/api/verify")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class VerifyResource {

    private final ChainVerifier verifier;

    VerifyResource(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** 200 with {@code "intact": true}, or 200 with the first broken entry: a failed check is an answer, not an error. */
    @ExpensiveRead
    @GET
    public ChainVerification verify() {
        return verifier.verify();
    }
}
