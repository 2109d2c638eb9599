package dev.afterimage.testkit;

import dev.afterimage.archive.NativeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Explains a query over an archive large enough for H2 and PostgreSQL to choose the plan they would choose in use:
 * {@value #ACCOUNTS} accounts of {@value #POSTS_PER_ACCOUNT} posts, one an hour up to {@link #NOW}, written, explained
 * and rolled back in one transaction. {@link QueryPlans} reads the plan.
 */
@ApplicationScoped
public class ExplainedArchive {

    public static final int ACCOUNTS = 3;
    public static final int POSTS_PER_ACCOUNT = 3_000;
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** More rows for an account, written after its posts. */
    @FunctionalInterface
    public interface Addition {

        void write(Connection connection, long account) throws SQLException;
    }

    @Inject
    EntityManager entities;

    @Inject
    UserTransaction transaction;

    /**
     * The plan of {@code query}, given one of the accounts.
     *
     * @param handle what the accounts' handles begin with
     */
    public String explain(String handle, LongFunction<NativeQuery> query) throws Exception {
        return explain(handle, (connection, account) -> {}, query);
    }

    /** The plan of {@code query}, given one of the accounts, each of which {@code addition} gave more rows. */
    public String explain(String handle, Addition addition, LongFunction<NativeQuery> query) throws Exception {
        transaction.begin();
        try {
            long account =
                    entities.unwrap(Session.class).doReturningWork(connection -> archive(connection, handle, addition));
            List<?> rows = query.apply(account).create(entities, "EXPLAIN ").getResultList();
            return rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        } finally {
            transaction.rollback();
        }
    }

    /** Writes the accounts and brings the database's statistics up to date where it keeps them; returns the last. */
    private static long archive(Connection connection, String handle, Addition addition) throws SQLException {
        long account = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            String name = handle + a + "_" + System.nanoTime();
            account = ArchiveRows.account(connection, "TELEGRAM", name, "https://t.me/s/" + name, null, true, NOW);
            ArchiveRows.hourlyPosts(connection, account, name, POSTS_PER_ACCOUNT, NOW);
            addition.write(connection, account);
        }
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (Statement analyse = connection.createStatement()) {
                analyse.execute("ANALYZE post");
                analyse.execute("ANALYZE post_version");
                analyse.execute("ANALYZE version_media");
            }
        }
        return account;
    }
}
