package dev.afterimage.ops;

import dev.afterimage.source.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down when every watched account's watch is failing: then the service watches nothing, whatever else is up (a
 * network that blocks every platform, a proxy gone). The failing ones are named by platform and id, not by handle:
 * health is open to unauthenticated probes, and which accounts a newsroom watches is its own business. Some failing
 * among working ones is the console's and the webhooks' business, not a reason to report the instance unready.
 */
@Readiness
@ApplicationScoped
public class WatchesHealth implements HealthCheck {

    /** Enough names to act on; the console lists them all. */
    static final int NAMES_SHOWN = 20;

    private final EntityManager entityManager;

    WatchesHealth(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One enabled account: how it is named and whether its watch is failing. */
    record Watch(String name, boolean failing) {}

    @Override
    public HealthCheckResponse call() {
        List<Watch> watches = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery(
                        "select a.platform, a.id, a.watchFailing from Account a where a.enabled = true", Object[].class)
                .getResultList()
                .stream()
                .map(row -> new Watch(((Platform) row[0]).apiName() + " account " + row[1], (Boolean) row[2]))
                .toList());
        return judge(watches);
    }

    static HealthCheckResponse judge(List<Watch> watches) {
        List<String> failing =
                watches.stream().filter(Watch::failing).map(Watch::name).toList();
        var response = HealthCheckResponse.named("watches")
                .withData("watched", watches.size())
                .withData("failing", failing.size());
        if (!failing.isEmpty()) {
            response.withData(
                    "failingAccounts",
                    String.join(", ", failing.subList(0, Math.min(NAMES_SHOWN, failing.size())))
                            + (failing.size() > NAMES_SHOWN ? " and " + (failing.size() - NAMES_SHOWN) + " more" : ""));
        }
        return response.status(watches.isEmpty() || failing.size() < watches.size())
                .build();
    }
}
