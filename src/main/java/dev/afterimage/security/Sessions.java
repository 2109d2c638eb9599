package dev.afterimage.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Console logins: a random secret in the browser's cookie, its hash and expiry in the database. */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "afterimage-session";

    private final SecurityConfig config;
    private final Clock clock;

    Sessions(SecurityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Opens a session for a user who just proved their password; answers the cookie's secret. */
    @Transactional
    public String open(String userName) {
        User user = User.<User>find("name", userName).firstResult();
        String secret = Secrets.random();
        UserSession session = new UserSession();
        session.secretHash = Secrets.sha256(secret);
        session.userId = user.id;
        session.createdAt = clock.instant();
        session.expiresAt = session.createdAt.plus(config.sessionLifetime());
        session.persist();
        UserSession.delete("expiresAt < ?1", session.createdAt);
        return secret;
    }

    /** Who a cookie's secret belongs to, while the session lasts and its user exists. */
    @Transactional
    public Optional<Caller> caller(String secret) {
        Instant now = clock.instant();
        return UserSession.<UserSession>find("secretHash", Secrets.sha256(secret))
                .firstResultOptional()
                .filter(session -> now.isBefore(session.expiresAt))
                .map(session -> User.<User>findById(session.userId))
                .map(user -> new Caller(user.name, user.role));
    }

    @Transactional
    public void close(String secret) {
        UserSession.delete("secretHash", Secrets.sha256(secret));
    }
}
