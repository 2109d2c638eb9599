package dev.afterimage.move;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves an embedded H2 archive into an empty PostgreSQL database: creates the schema there with the service's own
 * migrations, copies every table in foreign-key order from one consistent snapshot, sets the identity counters past
 * the copied ids and the schema's sequences where H2's stand, and checks every table's row count. Run with the service
 * stopped:
 *
 * <pre>
 * java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' dev.afterimage.move.MoveToPostgresql \
 *     --from ./data/db/afterimage --to jdbc:postgresql://127.0.0.1:5432/afterimage --user afterimage
 * </pre>
 *
 * The password comes from {@code PGPASSWORD}. Media files are not in the database: the media folder is copied (or
 * shared) as it is.
 */
public final class MoveToPostgresql {

    private MoveToPostgresql() {}

    /** What to move where. */
    record Request(String from, String to, String user, String password) {

        static Request parse(List<String> args, Map<String, String> environment) {
            String from = null;
            String to = null;
            String user = "afterimage";
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new MoveException(name + " needs a value");
                }
                String value = args.get(++i);
                switch (name) {
                    case "--from" -> from = value;
                    case "--to" -> to = value;
                    case "--user" -> user = value;
                    default -> throw new MoveException("unknown option " + name + "; " + USAGE);
                }
            }
            if (from == null || to == null) {
                throw new MoveException(USAGE);
            }
            if (!to.startsWith("jdbc:postgresql:")) {
                throw new MoveException("--to must be a jdbc:postgresql: URL, not " + to);
            }
            return new Request(h2Url(from), to, user, environment.getOrDefault("PGPASSWORD", ""));
        }

        /** A path is the H2 file as the service names it (without .mv.db), opened only if it exists. */
        private static String h2Url(String from) {
            if (from.startsWith("jdbc:h2:")) {
                return from;
            }
            String path = from.replaceFirst("\\.mv\\.db$", "");
            return "jdbc:h2:file:" + path + ";IFEXISTS=TRUE";
        }
    }

    static final String USAGE = "usage: MoveToPostgresql --from <H2 file, e.g. ./data/db/afterimage>"
            + " --to <jdbc:postgresql://host:5432/database> [--user <role>]  (password from PGPASSWORD)";

    public static void main(String[] args) {
        try {
            Summary summary = move(Request.parse(List.of(args), System.getenv()), System.out);
            System.out.println(summary.describe());
        } catch (MoveException e) {
            System.err.println("Nothing was moved: " + e.getMessage());
            System.exit(2);
        }
    }

    /** What was moved, table by table. */
    record Summary(List<TableCopy.Copied> tables, Duration took) {

        long rows() {
            return tables.stream().mapToLong(TableCopy.Copied::rows).sum();
        }

        String describe() {
            return "Moved " + rows() + " rows in " + tables.size() + " tables in " + took.toSeconds() + " s;"
                    + " every table's row count matches. Now copy the media folder (afterimage.archive.media-dir,"
                    + " ./data/media by default) to where the PostgreSQL build will run, and start it.";
        }
    }

    static Summary move(Request request, PrintStream progress) {
        Instant start = Instant.now();
        try (Connection source = openSource(request.from());
                Connection target = DriverManager.getConnection(request.to(), request.user(), request.password())) {
            Schema.refuseUnlessEmpty(target);
            String version = Schema.migrate(request.to(), request.user(), request.password());
            String sourceVersion = Schema.version(source);
            if (!version.equals(sourceVersion)) {
                throw new MoveException("the H2 archive's schema is at version " + sourceVersion
                        + " and this build's at " + version
                        + ": start this build once on the H2 archive (it upgrades it), stop it, then move");
            }
            // One snapshot of the source for the whole copy, so the rows of one table match the rows they refer to.
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            target.setAutoCommit(false);
            List<TableCopy.Table> tables = Schema.tablesInReferenceOrder(source);
            TableCopy copy = new TableCopy(source, target);
            copy.emptyTarget(tables.reversed());
            List<TableCopy.Copied> copied = new ArrayList<>();
            for (TableCopy.Table table : tables) {
                TableCopy.Copied done = copy.copy(table);
                progress.printf("%-32s %,12d rows%n", table.name(), done.rows());
                copied.add(done);
            }
            copy.restartIdentities(tables);
            copy.carrySequences();
            copy.verify(copied);
            target.commit();
            source.rollback();
            return new Summary(copied, Duration.between(start, Instant.now()));
        } catch (SQLException e) {
            throw new MoveException("the database said: " + e.getMessage(), e);
        }
    }

    private static Connection openSource(String url) {
        try {
            // The service's own credentials for its embedded database.
            return DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            // H2's "database may be already in use": the service holds the file while it runs.
            if (e.getErrorCode() == 90020) {
                throw new MoveException("the H2 archive is in use: stop the service first", e);
            }
            if (e.getErrorCode() == 90146) {
                throw new MoveException("there is no H2 archive at " + url.replaceFirst(";.*$", ""), e);
            }
            throw new MoveException("could not open the H2 archive: " + e.getMessage(), e);
        }
    }
}
