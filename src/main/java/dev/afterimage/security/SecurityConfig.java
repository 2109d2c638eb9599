package dev.afterimage.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who may use the service, and how hard it is to guess a way in. */
@ConfigMapping(prefix = "afterimage.security")
public interface SecurityConfig {

    /**
     * {@code name:password} of the first admin, created at start-up while no user exists and ignored afterwards
     * (environment: {@code AFTERIMAGE_SECURITY_BOOTSTRAP_ADMIN}). There is no default password.
     */
    Optional<String> bootstrapAdmin();

    /** How long a console login lasts: a working day and a night, so nobody signs in twice a day. */
    @WithDefault("24h")
    Duration sessionLifetime();

    /**
     * Host names (with {@code :port} where it is not the service's own) requests may name besides loopback and
     * {@code afterimage.public-url}'s host, e.g. a LAN name; any other Host is refused (DNS rebinding).
     */
    Optional<List<String>> allowedHosts();

    /** Failed logins of one name from one client before each further attempt must wait. */
    @WithDefault("5")
    int loginFailuresBeforeDelay();

    /** The first wait after too many failures; it doubles with each further failure. */
    @WithDefault("2s")
    Duration loginDelay();

    /** The longest wait: an attacker gets a few hundred guesses a day, a person who forgot gets back in. */
    @WithDefault("15m")
    Duration loginMaxDelay();

    /** Shortest password accepted: 12 characters resist offline guessing of a bcrypt hash for years. */
    @WithDefault("12")
    int minPasswordLength();

    /** How the users an OpenID Connect provider signs in (quarkus.oidc.*, off by default) get their role. */
    SingleSignOn sso();

    /** Roles for single sign-on users, from the groups their provider puts in the ID token. */
    interface SingleSignOn {

        /** The ID token claim that lists the user's groups (Keycloak, Entra ID and Okta can all emit "groups"). */
        @WithDefault("groups")
        String groupsClaim();

        /** Members of any of these groups are admins. */
        Optional<List<String>> adminGroups();

        /** Members of any of these groups (and of no admin group) are editors. */
        Optional<List<String>> editorGroups();

        /**
         * The role of everyone else the provider signs in: {@code viewer}, or {@code none} so that only the listed
         * groups get in (an organisation's whole directory should not read the archive by default).
         */
        @WithDefault("viewer")
        String defaultRole();
    }
}
