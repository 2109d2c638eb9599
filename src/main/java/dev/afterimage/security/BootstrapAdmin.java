package dev.afterimage.security;

import dev.afterimage.InvalidFieldException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * At start-up: creates the first admin from {@code afterimage.security.bootstrap-admin} while no user exists, and
 * says loudly when the service is open to everyone who can reach it.
 */
@ApplicationScoped
class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final SecurityConfig config;
    private final Users users;
    private final String host;

    BootstrapAdmin(SecurityConfig config, Users users, Config quarkus) {
        this.config = config;
        this.users = users;
        this.host = quarkus.getValue("quarkus.http.host", String.class);
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (users.secured()) {
            config.bootstrapAdmin()
                    .ifPresent(ignored -> LOG.info("afterimage.security.bootstrap-admin is ignored: users exist"
                            + " already; remove it from the configuration"));
            return;
        }
        if (config.bootstrapAdmin().isPresent()) {
            create(config.bootstrapAdmin().get());
            return;
        }
        LOG.warnf(
                "*** Afterimage is OPEN: no user exists, so anyone who can reach %s may read and change everything."
                        + " Create the first admin in the console (from this machine) or with"
                        + " AFTERIMAGE_SECURITY_BOOTSTRAP_ADMIN=name:password. ***",
                host);
    }

    private void create(String nameAndPassword) {
        int colon = nameAndPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException(
                    "afterimage.security.bootstrap-admin must be name:password (the password has no default)");
        }
        String name = nameAndPassword.substring(0, colon);
        try {
            users.create(name, nameAndPassword.substring(colon + 1), Role.ADMIN, "bootstrap", "configuration");
        } catch (InvalidFieldException e) {
            throw new IllegalStateException("afterimage.security.bootstrap-admin: " + e.getMessage(), e);
        }
        LOG.infof("created the first admin, %s, from afterimage.security.bootstrap-admin", name);
    }
}
