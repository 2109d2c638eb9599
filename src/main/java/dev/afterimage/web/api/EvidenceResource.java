package dev.afterimage.web.api;

import dev.afterimage.evidence.InstanceKey;
import dev.afterimage.evidence.PublishedKey;
import dev.afterimage.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The instance's evidence signing key, for anyone checking a package it signed. */
@Path("/api/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    /** The media type of a WACZ file. */
    static final String WACZ = "application/wacz";

    private final InstanceKey key;

    EvidenceResource(InstanceKey key) {
        this.key = key;
    }

    /** {@code publicKey} (base64 DER SubjectPublicKeyInfo), its SHA-256 {@code fingerprint} and {@code createdAt}. */
    @RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
    @GET
    @Path("/key")
    public PublishedKey key() {
        return key.published();
    }
}
