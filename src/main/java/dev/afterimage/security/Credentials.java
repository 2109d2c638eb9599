package dev.afterimage.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Optional;

/** The checks the identity providers run on a worker thread, each with the request context the database needs. */
@ApplicationScoped
class Credentials {

    private final Users users;
    private final Sessions sessions;
    private final Tokens tokens;

    Credentials(Users users, Sessions sessions, Tokens tokens) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @ActivateRequestContext
    boolean secured() {
        return users.secured();
    }

    @ActivateRequestContext
    Optional<Caller> session(String secret) {
        return sessions.caller(secret);
    }

    @ActivateRequestContext
    Optional<Caller> token(String secret, String client) {
        return tokens.caller(secret, client);
    }

    @ActivateRequestContext
    LoginOutcome password(String name, String password, String client) {
        return users.login(name, password, client, "basic");
    }
}
