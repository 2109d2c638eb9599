package dev.afterimage.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseServerCpuTest {

    /**
     * A query that keeps one backend busy: its CPU shows while its connection is open (a live process of the server)
     * and stays counted once the connection has closed and the backend has ended (the postmaster's reaped children).
     */
    @Test
    void countsABackendsWorkWhileItLivesAndAfterItEnds() throws SQLException {
        assumeTrue(PackagedDatabase.isPostgresql(), "the database server's CPU is measured on PostgreSQL only");
        Optional<DatabaseServerCpu> found = DatabaseServerCpu.find();
        assumeTrue(found.isPresent(), "the suite's PostgreSQL server is not a process of this host");
        DatabaseServerCpu server = found.get();
        long before = server.nanos();
        long busy;
        try (Connection connection = PackagedDatabase.connect();
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("SELECT count(*) FROM generate_series(1, 5000000)");
            busy = System.nanoTime() - start;
            long whileOpen = server.nanos() - before;
            assertTrue(
                    whileOpen >= busy / 2,
                    "a query busy for %d ms counted %d ms of the server's CPU"
                            .formatted(busy / 1_000_000, whileOpen / 1_000_000));
        }
        await("the ended backend's CPU counted")
                .atMost(Duration.ofSeconds(10))
                .until(() -> server.nanos() - before >= busy / 2);
    }
}
