package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time the suite's PostgreSQL server has used, where it runs on this host: a benchmark that counts only the
 * service's process leaves out the database's work on the same cores. The server is the postmaster and the processes
 * it starts (a backend per connection, autovacuum's workers, the checkpointer, the WAL writer…): the live ones are
 * read from /proc, and those that have ended are in the postmaster's times for its reaped children. A process that
 * ends between the two reads is missed once; the service's pooled connections live as long as it does.
 */
public final class DatabaseServerCpu {

    private final long postmaster;

    private DatabaseServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /**
     * The server of a PostgreSQL build, found through the process serving a connection of its own; empty on H2 (the
     * database runs inside the service and its CPU is counted there) and where the server is not a process of this
     * host.
     */
    public static Optional<DatabaseServerCpu> find() {
        if (!PackagedDatabase.isPostgresql()) {
            return Optional.empty();
        }
        try (Connection connection = PackagedDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return ProcessStat.of(row.getLong(1))
                    .filter(DatabaseServerCpu::isPostgres)
                    .flatMap(backend -> ProcessStat.of(backend.parent()))
                    .filter(DatabaseServerCpu::isPostgres)
                    .map(server -> new DatabaseServerCpu(server.pid()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the database which process serves it", e);
        }
    }

    /** User and system CPU of the server so far: the postmaster's, its live processes' and its ended ones'. */
    public long nanos() {
        long children;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            children = processes
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .flatMap(name -> ProcessStat.of(Long.parseLong(name)).stream())
                    .filter(process -> process.parent() == postmaster)
                    .mapToLong(ProcessStat::ownNanos)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessStat server = ProcessStat.of(postmaster)
                .orElseThrow(() ->
                        new IllegalStateException("the PostgreSQL server (process " + postmaster + ") has stopped"));
        return children + server.ownNanos() + server.endedChildrenNanos();
    }

    private static boolean isPostgres(ProcessStat process) {
        return process.name().equals("postgres");
    }
}
