package dev.afterimage.web.console;

import dev.afterimage.security.Identities;
import dev.afterimage.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;

/**
 * Who is looking at a console page, as every page's layout shows it: their name and sign-out button, the admin's
 * links, and the warning that an install without users is open.
 *
 * @param csrf the page's anti-CSRF token, for the sign-out form
 */
public record ConsoleUser(String name, boolean signedIn, boolean admin, boolean open, String csrf) {

    @TemplateGlobal
    static class Globals {

        static ConsoleUser consoleUser() {
            if (Context.isOnEventLoopThread()) {
                // Only the error page for a path nothing serves renders here: finding out who asked could block.
                return new ConsoleUser(null, false, false, false, null);
            }
            SecurityIdentity identity = Arc.container()
                    .instance(CurrentIdentityAssociation.class)
                    .get()
                    .getIdentity();
            Object via = identity.getAttribute(Identities.VIA);
            boolean open = Identities.VIA_OPEN.equals(via);
            boolean session = Identities.VIA_SESSION.equals(via);
            String csrf = session ? CsrfToken.of(ConsoleCookies.csrf()).value() : null;
            return new ConsoleUser(
                    Identities.signedIn(identity) ? identity.getPrincipal().getName() : null,
                    session,
                    identity.hasRole(Roles.ADMIN),
                    open,
                    csrf);
        }
    }
}
