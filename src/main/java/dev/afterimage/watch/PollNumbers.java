package dev.afterimage.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Numbers polls as they start, from one database sequence for every account and instance: a poll that starts later
 * gets a higher number, and taking one writes no row, so a poll's start is a read. PostgreSQL hands out a sequence's
 * values in order across sessions (its default cache of one), and an embedded H2 serves one instance.
 */
@ApplicationScoped
class PollNumbers {

    private static final String SEQUENCE = "poll_number";

    private final EntityManager entities;
    private final String next;

    PollNumbers(EntityManager entities) {
        this.entities = entities;
        this.next = entities.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSequenceNextValString(SEQUENCE);
    }

    /** The next poll's number; within the caller's transaction, which it does not make a writing one. */
    long next() {
        return ((Number) entities.createNativeQuery(next).getSingleResult()).longValue();
    }
}
