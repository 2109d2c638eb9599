package dev.afterimage.security;

import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a user signed in by the OpenID Connect provider Afterimage's role, from the groups in their ID token
 * ({@code afterimage.security.sso.*}): admin groups first, then editor groups, then the default role. Whatever roles
 * the provider itself names are dropped, so its vocabulary never grants anything here by accident.
 */
// Built at start-up, so a default role that names no role stops the service instead of the first login.
@Startup
@ApplicationScoped
class SingleSignOnRoles implements SecurityIdentityAugmentor {

    private final SecurityConfig.SingleSignOn config;
    private final Optional<Role> defaultRole;

    SingleSignOnRoles(SecurityConfig config) {
        this.config = config.sso();
        String role = this.config.defaultRole().strip();
        this.defaultRole = "none".equalsIgnoreCase(role)
                ? Optional.empty()
                : Optional.of(Role.parse(role, "afterimage.security.sso.default-role"));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder mapped = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(nameOf(token)))
                .addAttribute(Identities.VIA, Identities.VIA_SSO);
        roleOf(groupsOf(token)).ifPresent(role -> mapped.addRoles(role.grants()));
        return Uni.createFrom().item(mapped.build());
    }

    Optional<Role> roleOf(Set<String> groups) {
        if (anyOf(groups, config.adminGroups())) {
            return Optional.of(Role.ADMIN);
        }
        if (anyOf(groups, config.editorGroups())) {
            return Optional.of(Role.EDITOR);
        }
        return defaultRole;
    }

    private static boolean anyOf(Set<String> groups, Optional<List<String>> listed) {
        return listed.orElse(List.of()).stream().anyMatch(groups::contains);
    }

    private Set<String> groupsOf(JsonWebToken token) {
        Object claim = token.getClaim(config.groupsClaim());
        if (claim instanceof Collection<?> values) {
            return values.stream().map(SingleSignOnRoles::text).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    /** The name the audit log and the console show: the provider's user name, else the e-mail, else the subject. */
    private static String nameOf(JsonWebToken token) {
        for (String claim : List.of("preferred_username", "email", "sub")) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return "sso:" + text(value);
            }
        }
        return "sso:" + token.getName();
    }

    /** A claim's value as text: JSON strings without their quotes. */
    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }
}
