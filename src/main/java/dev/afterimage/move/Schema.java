package dev.afterimage.move;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;

/** The archive's tables as the databases describe them, and the schema the service's migrations make. */
final class Schema {

    /** Tables holding archive data: a target with rows in any of them is not empty. */
    private static final List<String> ARCHIVE_TABLES = List.of("account", "post", "event", "webhook");

    private Schema() {}

    /** Creates (or completes) the schema on the target with the service's migrations; answers its version. */
    static String migrate(String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .targetSchemaVersion;
    }

    /** The newest migration applied to a database. */
    static String version(Connection db) throws SQLException {
        try (PreparedStatement query =
                        db.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                                + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : "none";
        }
    }

    static void refuseUnlessEmpty(Connection target) throws SQLException {
        for (String table : ARCHIVE_TABLES) {
            if (!exists(target, table)) {
                continue;
            }
            try (PreparedStatement query =
                            target.prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY");
                    ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    throw new MoveException("the PostgreSQL database already holds an archive (table " + table
                            + " has rows); move into a new, empty database");
                }
            }
        }
    }

    private static boolean exists(Connection db, String table) throws SQLException {
        try (ResultSet tables = db.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /**
     * The source's tables that hold archive data, each after the tables it refers to. Flyway's history belongs to
     * each database, and Quartz's tables hold only the scheduler's running state, which the service recreates.
     */
    static List<TableCopy.Table> tablesInReferenceOrder(Connection source) throws SQLException {
        DatabaseMetaData meta = source.getMetaData();
        Map<String, String> schemaOf = new LinkedHashMap<>();
        try (ResultSet tables = meta.getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("flyway_schema_history") && !lower.startsWith("qrtz_")) {
                    schemaOf.put(name, tables.getString("TABLE_SCHEM"));
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        for (String table : schemaOf.keySet()) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, schemaOf.get(table), table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (!parent.equals(table) && schemaOf.containsKey(parent)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table, referenced);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < schemaOf.size()) {
            boolean progress = false;
            for (String table : schemaOf.keySet()) {
                if (!placed.contains(table) && placed.containsAll(parents.get(table))) {
                    placed.add(table);
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new MoveException("the tables refer to each other in a circle; this move cannot order them");
            }
        }
        List<TableCopy.Table> result = new ArrayList<>();
        for (String table : ordered) {
            result.add(TableCopy.Table.describe(meta, schemaOf.get(table), table));
        }
        return result;
    }
}
