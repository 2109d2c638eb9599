package dev.afterimage.watch;

import java.util.Optional;

/**
 * Whether the database pool holds what the scheduler takes from it at once: a connection for each poll thread (a poll
 * holds one while it plans and while it records), one for each claim loop and one for the renewal of claims. Quarkus
 * cannot derive its pool size from {@code afterimage.watch.poll-threads}, so a user who raises only the threads is
 * told at startup, rather than finding polls that wait for connections and end unknown.
 *
 * @param connections {@code quarkus.datasource.jdbc.max-size}
 */
record ConnectionBudget(int pollThreads, int claimers, int connections) {

    /** Connections left beside the scheduler's for webhook deliveries, the web API and Quartz, as the defaults do. */
    static final int BESIDE_SCHEDULER = 6;

    /** Connections the scheduler can hold at once. */
    int needed() {
        return pollThreads + claimers + 1;
    }

    /** What to tell the operator when the pool is smaller than {@link #needed()}; empty when it is not. */
    Optional<String> shortfall() {
        if (connections >= needed()) {
            return Optional.empty();
        }
        return Optional.of(("quarkus.datasource.jdbc.max-size is %d, but the scheduler can hold %d connections at"
                        + " once (afterimage.watch.poll-threads %d, afterimage.watch.claimers %d, 1 to renew claims),"
                        + " before webhook deliveries and the web API take theirs: polls will wait for connections and"
                        + " may end unknown. Raise the pool to at least %d, or lower the poll threads.")
                .formatted(connections, needed(), pollThreads, claimers, needed() + BESIDE_SCHEDULER));
    }
}
