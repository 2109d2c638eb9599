package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    private static final long NANOS_PER_TICK = 10_000_000L;

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
            return Optional.ofNullable(stat(row.getLong(1)))
                    .filter(Stat::isPostgres)
                    .map(Stat::parent)
                    .map(DatabaseServerCpu::stat)
                    .filter(Stat::isPostgres)
                    .map(server -> new DatabaseServerCpu(server.pid()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the database which process serves it", e);
        }
    }

    /** User and system CPU of the server so far: the postmaster's, its live processes' and its ended ones'. */
    public long nanos() {
        long ticks;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks = processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(path -> stat(Long.parseLong(path.getFileName().toString())))
                    .filter(process -> process != null && process.parent() == postmaster)
                    .mapToLong(Stat::ownTicks)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stat server = stat(postmaster);
        if (server == null) {
            throw new IllegalStateException("the PostgreSQL server (process " + postmaster + ") has stopped");
        }
        return (ticks + server.ownTicks() + server.endedChildrenTicks()) * NANOS_PER_TICK;
    }

    /** The fields of /proc/[pid]/stat this needs; the name in parentheses may hold spaces, so fields follow it. */
    private record Stat(long pid, String name, long parent, long ownTicks, long endedChildrenTicks) {

        boolean isPostgres() {
            return name.equals("postgres");
        }
    }

    private static Stat stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new Stat(
                pid,
                name,
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
    }
}
