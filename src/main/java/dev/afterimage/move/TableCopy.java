package dev.afterimage.move;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Copies tables row by row from H2 to PostgreSQL, in batches, without holding a table in memory. */
final class TableCopy {

    /** A table as H2 names it, with its columns and their JDBC types. */
    record Table(String name, List<String> columns, List<Integer> types) {

        static Table describe(DatabaseMetaData meta, String schema, String name) throws SQLException {
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, schema, name, null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME"));
                    types.add(rows.getInt("DATA_TYPE"));
                }
            }
            return new Table(name, List.copyOf(columns), List.copyOf(types));
        }

        /** The same table as PostgreSQL names it: H2 keeps unquoted names upper case, PostgreSQL lower case. */
        String targetName() {
            return quoted(name);
        }

        private static String quoted(String name) {
            return "\"" + name.toLowerCase(Locale.ROOT) + "\"";
        }
    }

    /** How many rows one table brought. */
    record Copied(Table table, long rows) {}

    private static final int BATCH = 1_000;

    private final Connection source;
    private final Connection target;

    TableCopy(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** Removes what the migrations seeded (counters, marks), children first, so the copied rows take their place. */
    void emptyTarget(List<Table> childrenFirst) throws SQLException {
        try (Statement statement = target.createStatement()) {
            for (Table table : childrenFirst) {
                statement.executeUpdate("DELETE FROM " + table.targetName());
            }
        }
    }

    Copied copy(Table table) throws SQLException {
        String columns =
                table.columns().stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(", "));
        String targetColumns = table.columns().stream().map(Table::quoted).collect(Collectors.joining(", "));
        String marks = table.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
        long rows = 0;
        try (PreparedStatement read = source.prepareStatement(
                        "SELECT " + columns + " FROM \"" + table.name() + "\"" + orderBy(table));
                PreparedStatement write = target.prepareStatement(
                        "INSERT INTO " + table.targetName() + " (" + targetColumns + ") VALUES (" + marks + ")")) {
            read.setFetchSize(BATCH);
            try (ResultSet from = read.executeQuery()) {
                while (from.next()) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        transfer(from, write, i + 1, table.types().get(i));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return new Copied(table, rows);
    }

    /** Rows in key order, so a row referring to an earlier row of its own table comes after it. */
    private String orderBy(Table table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (ResultSet columns = source.getMetaData().getPrimaryKeys(null, null, table.name())) {
            while (columns.next()) {
                key.add("\"" + columns.getString("COLUMN_NAME") + "\"");
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
    }

    private static void transfer(ResultSet from, PreparedStatement to, int index, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                to.setBytes(index, from.getBytes(index));
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR ->
                to.setString(index, from.getString(index));
            case Types.TIMESTAMP_WITH_TIMEZONE -> to.setObject(index, from.getObject(index, OffsetDateTime.class));
            case Types.TIMESTAMP -> to.setObject(index, from.getObject(index, LocalDateTime.class));
            default -> {
                Object value = from.getObject(index);
                if (value == null) {
                    to.setNull(index, type);
                } else {
                    to.setObject(index, value);
                }
            }
        }
    }

    /** Sets every identity column's counter past the copied ids, so the next row the service adds gets a new one. */
    void restartIdentities(List<Table> tables) throws SQLException {
        try (PreparedStatement identities = target.prepareStatement(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")) {
            try (ResultSet rows = identities.executeQuery()) {
                List<String[]> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new String[] {rows.getString(1), rows.getString(2)});
                }
                List<String> copied = tables.stream()
                        .map(table -> table.name().toLowerCase(Locale.ROOT))
                        .toList();
                for (String[] identity : found) {
                    if (!copied.contains(identity[0])) {
                        continue;
                    }
                    try (PreparedStatement restart =
                            target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                                    + " COALESCE((SELECT MAX(\"" + identity[1] + "\") FROM \"" + identity[0]
                                    + "\"), 0) + 1,"
                                    + " false)")) {
                        restart.setString(1, "\"" + identity[0] + "\"");
                        restart.setString(2, identity[1]);
                        restart.execute();
                    }
                }
            }
        }
    }

    /**
     * Sets each sequence the schema declares by name (e.g. the one polls are numbered from) to where it stands in H2, so
     * the numbers the service hands out next follow on from the copied ones. H2's identity columns have sequences of
     * their own names, which PostgreSQL's do not share: {@link #restartIdentities} sets those.
     */
    void carrySequences() throws SQLException {
        try (PreparedStatement standing = source.prepareStatement("SELECT SEQUENCE_NAME, BASE_VALUE"
                        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA");
                ResultSet sequences = standing.executeQuery();
                PreparedStatement declared = target.prepareStatement("SELECT 1 FROM information_schema.sequences"
                        + " WHERE sequence_schema = current_schema() AND sequence_name = ?");
                PreparedStatement set = target.prepareStatement("SELECT setval(?, ?, false)")) {
            while (sequences.next()) {
                String name = sequences.getString(1).toLowerCase(Locale.ROOT);
                declared.setString(1, name);
                try (ResultSet found = declared.executeQuery()) {
                    if (!found.next()) {
                        continue;
                    }
                }
                set.setString(1, "\"" + name + "\"");
                set.setLong(2, sequences.getLong(2));
                set.execute();
            }
        }
    }

    /** Each table's rows on the target, counted, against what was read from the source. */
    void verify(List<Copied> copied) throws SQLException {
        for (Copied done : copied) {
            long source = count(this.source, "\"" + done.table().name() + "\"");
            long target = count(this.target, done.table().targetName());
            if (source != done.rows() || target != done.rows()) {
                throw new MoveException("table " + done.table().name() + " has " + source + " rows in H2 but " + target
                        + " in PostgreSQL after copying " + done.rows() + "; nothing was committed");
            }
        }
    }

    private static long count(Connection db, String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
