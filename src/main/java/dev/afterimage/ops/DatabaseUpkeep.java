package dev.afterimage.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Warns at start when PostgreSQL's autovacuum is off. The service's tables grow from empty and are updated at every
 * poll; without autovacuum they are never analysed, and every query is planned without statistics: at 10,000 accounts
 * the first archive stored posts five times slower than after an {@code ANALYZE} (docs/benchmarks.md). The service
 * still works, so this is a warning for the operator, not a health check that would take instances out of service.
 */
@ApplicationScoped
class DatabaseUpkeep {

    private static final Logger LOG = Logger.getLogger(DatabaseUpkeep.class);

    static final String AUTOVACUUM_OFF = "PostgreSQL's autovacuum is off on this server: the archive's tables are"
            + " never analysed or vacuumed, and queries planned without statistics slow every poll (the first archive"
            + " of 10,000 accounts stored posts five times slower). Turn it on (autovacuum = on, PostgreSQL's"
            + " default) or run VACUUM ANALYZE on the database regularly.";

    private final DataSource dataSource;

    DatabaseUpkeep(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        warning().ifPresent(LOG::warn);
    }

    /** What the operator should be told about the database's upkeep: nothing on H2 or with autovacuum on. */
    Optional<String> warning() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
                return setting.next() && "off".equals(setting.getString(1))
                        ? Optional.of(AUTOVACUUM_OFF)
                        : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.debugf("could not read PostgreSQL's autovacuum setting: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
