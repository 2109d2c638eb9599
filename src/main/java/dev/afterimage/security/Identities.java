package dev.afterimage.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** The identities requests carry, and how each was established. */
public final class Identities {

    /** Attribute naming how an identity was established: one of the {@code VIA_} values. */
    public static final String VIA = "afterimage.via";

    public static final String VIA_SESSION = "session";
    public static final String VIA_TOKEN = "token";
    public static final String VIA_BASIC = "basic";
    /** No user exists yet: everyone who can reach the service is its owner. */
    public static final String VIA_OPEN = "open";
    /** Signed in by the OpenID Connect provider (single sign-on). */
    public static final String VIA_SSO = "sso";
    /** Nobody signed in, and the public archive mode is on. */
    public static final String VIA_PUBLIC = "public";

    private Identities() {}

    static SecurityIdentity of(Caller caller, String via) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name()))
                .addRoles(caller.role().grants())
                .addAttribute(VIA, via)
                .build();
    }

    static SecurityIdentity open() {
        return of(new Caller("owner", Role.ADMIN), VIA_OPEN);
    }

    static SecurityIdentity publicReader() {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("public"))
                .addRoles(Set.of(Roles.PUBLIC_READER))
                .addAttribute(VIA, VIA_PUBLIC)
                .build();
    }

    static SecurityIdentity anonymous() {
        return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
    }

    /** Whether the identity belongs to somebody who signed in (or to the owner of an open install). */
    public static boolean signedIn(SecurityIdentity identity) {
        Object via = identity.getAttribute(VIA);
        return !identity.isAnonymous() && via != null && !VIA_PUBLIC.equals(via);
    }

    /** Whether the identity came with the request itself (a bearer token or Basic), not with ambient browser state. */
    public static boolean explicit(SecurityIdentity identity) {
        Object via = identity.getAttribute(VIA);
        return VIA_TOKEN.equals(via) || VIA_BASIC.equals(via);
    }
}
