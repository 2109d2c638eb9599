package dev.afterimage.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database a packaged service under test uses: the H2 file under its own folder, or, in a PostgreSQL build, a
 * fresh schema of the suite's PostgreSQL database that every instance given the same schema shares.
 */
public final class PackagedDatabase {

    private PackagedDatabase() {}

    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("test.db-kind"));
    }

    /** Settings that point a packaged service at a fresh schema (PostgreSQL), or none (H2 under its folder). */
    public static Map<String, String> freshSchema(String schema) {
        if (!isPostgresql()) {
            return Map.of();
        }
        String url = System.getProperty("test.jdbc-url");
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " in " + url, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url + "?currentSchema=" + schema,
                "quarkus.datasource.username",
                System.getProperty("test.db-user"));
    }

    /** A connection of its own to the suite's database, outside any service's pool and transaction. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.jdbc-url"), System.getProperty("test.db-user"), "");
    }
}
