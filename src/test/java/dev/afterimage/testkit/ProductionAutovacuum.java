package dev.afterimage.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's autovacuum on for the length of a benchmark, as a production server has it by default. The suite's
 * server may have it off (this machine's does): its tables are then never analysed, and a service archiving from an
 * empty database plans every query without statistics — at 10,000 accounts the first archive stored posts five times
 * slower than after an {@code ANALYZE}. Turned on with {@code ALTER SYSTEM} and a reload, and reset when closed.
 */
public final class ProductionAutovacuum implements AutoCloseable {

    private final boolean turnedOn;

    private ProductionAutovacuum(boolean turnedOn) {
        this.turnedOn = turnedOn;
    }

    /** Turns autovacuum on where the server has it off; does nothing on H2. */
    public static ProductionAutovacuum ensure() {
        if (!PackagedDatabase.isPostgresql()) {
            return new ProductionAutovacuum(false);
        }
        try {
            if (isOn()) {
                return new ProductionAutovacuum(false);
            }
            set(true);
            return new ProductionAutovacuum(true);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "autovacuum could not be read or turned on for the benchmark (ALTER SYSTEM needs a superuser)", e);
        }
    }

    /** What a report says about the database's upkeep; empty on H2. */
    public String describe() {
        if (!PackagedDatabase.isPostgresql()) {
            return "";
        }
        return turnedOn
                ? "PostgreSQL's autovacuum on, as by default (this server has it off: it was turned on for the run)."
                : "PostgreSQL's autovacuum on, as by default.";
    }

    @Override
    public void close() {
        if (!turnedOn) {
            return;
        }
        try {
            reset();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset autovacuum to the server's own setting", e);
        }
    }

    private static boolean isOn() throws SQLException {
        try (Connection connection = PackagedDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW autovacuum")) {
            return row.next() && "on".equals(row.getString(1));
        }
    }

    /** Switches the server's autovacuum ({@code ALTER SYSTEM}); connections see it shortly after the reload. */
    public static void set(boolean on) throws SQLException {
        alterSystem("SET autovacuum = " + (on ? "on" : "off"));
    }

    /** Gives the server back its own setting, from its configuration files. */
    public static void reset() throws SQLException {
        alterSystem("RESET autovacuum");
    }

    private static void alterSystem(String change) throws SQLException {
        try (Connection connection = PackagedDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM " + change);
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
