package dev.afterimage.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Writes and reads the security events admins see in the console. */
@ApplicationScoped
public class AuditLog {

    /** Keeps the column's bound: a detail is a line, not a document. */
    private static final int MAX_DETAIL = 500;

    private final Clock clock;
    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest request;

    AuditLog(Clock clock, CurrentIdentityAssociation identity, CurrentVertxRequest request) {
        this.clock = clock;
        this.identity = identity;
        this.request = request;
    }

    /** Records an event of the request being answered, naming its caller and client. */
    public void recordCaller(String kind, String detail) {
        RoutingContext current = request.getCurrent();
        record(
                kind,
                identity.getIdentity().isAnonymous()
                        ? null
                        : identity.getIdentity().getPrincipal().getName(),
                current == null ? null : ClientAddress.of(current),
                detail);
    }

    /** Recorded in its own transaction: a failed login is kept even though the login is refused. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String kind, String actor, String client, String detail) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.kind = kind;
        event.actor = bounded(actor, 64);
        event.client = bounded(client, 64);
        event.detail = bounded(detail, MAX_DETAIL);
        event.persist();
    }

    @Transactional
    public List<AuditEvent> latest(int limit) {
        return AuditEvent.find("order by id desc").page(0, limit).list();
    }

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
