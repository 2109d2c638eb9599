package dev.afterimage.security;

import dev.afterimage.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The people who may use the service: while there are none, the service is open (a single-user install). */
@ApplicationScoped
public class Users {

    private final SecurityConfig config;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    /** Once a user exists the service stays secured: the last admin cannot be removed, so it never opens again. */
    private final AtomicBoolean secured = new AtomicBoolean();

    Users(SecurityConfig config, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.config = config;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether anyone needs to sign in; while false, every request acts as the owner of an open install. */
    @Transactional
    public boolean secured() {
        if (!secured.get() && User.count() > 0) {
            secured.set(true);
        }
        return secured.get();
    }

    /** Cheap, never touches the database: true once {@link #secured()} has seen a user. */
    boolean knownSecured() {
        return secured.get();
    }

    @Transactional
    public User create(String name, String password, Role role, String actor, String client) {
        String checkedName = checkName(name);
        checkPassword(password);
        if (User.count("name", checkedName) > 0) {
            throw new InvalidFieldException("name", "a user named " + checkedName + " exists already");
        }
        User user = new User();
        user.name = checkedName;
        user.passwordHash = Passwords.hash(password);
        user.role = role;
        user.createdAt = clock.instant();
        user.persist();
        secured.set(true);
        audit.record("user-created", actor, client, checkedName + " as " + role.apiName());
        return user;
    }

    @Transactional
    public List<User> list() {
        return User.list("order by name");
    }

    @Transactional
    public User changeRole(long id, Role role, String actor, String client) {
        User user = find(id);
        if (user.role == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        user.role = role;
        audit.record("user-changed", actor, client, user.name + " is now " + role.apiName());
        return user;
    }

    @Transactional
    public void delete(long id, String actor, String client) {
        User user = find(id);
        if (user.role == Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        UserSession.delete("userId", user.id);
        user.delete();
        audit.record("user-deleted", actor, client, user.name);
    }

    /** Checks a name and password, slowed per name and client after repeated failures; every outcome is audited. */
    @Transactional
    public LoginOutcome login(String name, String password, String client, String how) {
        if (name == null || password == null || name.isBlank()) {
            return new LoginOutcome.Refused();
        }
        String wanted = name.strip();
        Optional<Duration> wait = throttle.wait(wanted, client);
        if (wait.isPresent()) {
            audit.record("login-throttled", wanted, client, how);
            return new LoginOutcome.Throttled(wait.get());
        }
        Optional<User> user = User.find("name", wanted).firstResultOptional();
        if (user.isEmpty()) {
            Passwords.decoy(password);
        }
        if (user.isEmpty() || !Passwords.matches(password, user.get().passwordHash)) {
            throttle.failed(wanted, client);
            audit.record("login-failed", wanted, client, how);
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(wanted, client);
        if (!"basic".equals(how)) {
            audit.record("login", wanted, client, how);
        }
        return new LoginOutcome.Accepted(new Caller(user.get().name, user.get().role));
    }

    private User find(long id) {
        User user = User.findById(id);
        if (user == null) {
            throw new UnknownUserException("no user with id " + id);
        }
        return user;
    }

    private static void requireAnotherAdmin(User user) {
        if (User.count("role = ?1 and id <> ?2", Role.ADMIN, user.id) == 0) {
            throw new LastAdminException(user.name);
        }
    }

    private static String checkName(String name) {
        if (name == null || !name.strip().matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidFieldException(
                    "name", "name must be 1 to 64 letters, digits or . _ @ - (no spaces, no colon)");
        }
        return name.strip();
    }

    private void checkPassword(String password) {
        if (password == null || password.length() < config.minPasswordLength()) {
            throw new InvalidFieldException(
                    "password", "password must have at least " + config.minPasswordLength() + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            throw new InvalidFieldException(
                    "password", "password must have at most " + Passwords.MAX_BYTES + " bytes (bcrypt's limit)");
        }
    }
}
