package dev.afterimage.security;

import dev.afterimage.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens: created by admins, shown once, kept hashed, revocable, their last use recorded. */
@ApplicationScoped
public class Tokens {

    /** Marks a string as an Afterimage token, so secret scanners and people recognise a leaked one. */
    static final String PREFIX = "afi_";

    /** A token's use is written to the audit log at most this often: a script polling every minute is one line. */
    private static final Duration USE_AUDITED_EVERY = Duration.ofHours(1);

    /** last_used_at is rewritten at most this often, so a busy script does not write a row per request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    Tokens(Users users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedToken create(String name, Role role, Instant expiresAt, String actor, String client) {
        if (!users.secured()) {
            throw new InvalidFieldException(
                    "role", "create the first admin before any token: an open service needs none");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidFieldException("name", "name must be 1 to 100 characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expiresAt", "expiresAt must be in the future");
        }
        String secret = PREFIX + Secrets.random();
        ApiToken token = new ApiToken();
        token.name = name.strip();
        token.secretHash = Secrets.sha256(secret);
        token.role = role;
        token.createdBy = actor;
        token.createdAt = now;
        token.expiresAt = expiresAt;
        token.persist();
        audit.record("token-created", actor, client, token.name + " (id " + token.id + ") as " + role.apiName());
        return new CreatedToken(token, secret);
    }

    @Transactional
    public List<ApiToken> list() {
        return ApiToken.list("order by id");
    }

    @Transactional
    public void revoke(long id, String actor, String client) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw new UnknownUserException("no token with id " + id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            audit.record("token-revoked", actor, client, token.name + " (id " + id + ")");
        }
    }

    /** Who a bearer token stands for, while it is neither revoked nor expired; records its use. */
    @Transactional
    public Optional<Caller> caller(String secret, String client) {
        Instant now = clock.instant();
        Optional<ApiToken> found = ApiToken.<ApiToken>find("secretHash", Secrets.sha256(secret))
                .firstResultOptional()
                .filter(token -> token.validAt(now));
        found.ifPresent(token -> {
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(USE_AUDITED_EVERY))) {
                audit.record("token-used", "token:" + token.name, client, "id " + token.id);
            }
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(USE_RECORDED_EVERY))) {
                token.lastUsedAt = now;
            }
        });
        return found.map(token -> new Caller("token:" + token.name, token.role));
    }
}
