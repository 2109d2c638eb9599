package dev.afterimage.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.testkit.PackagedDatabase;
import dev.afterimage.testkit.ProductionAutovacuum;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseUpkeepTest {

    @Inject
    DatabaseUpkeep upkeep;

    /**
     * On PostgreSQL the server's setting is switched both ways ({@code ALTER SYSTEM}, then reset to the server's own);
     * a reload reaches the pool's connections shortly after, hence the wait.
     */
    @Test
    void warnsExactlyWhenPostgresqlHasAutovacuumOff() throws SQLException {
        if (!PackagedDatabase.isPostgresql()) {
            assertEquals(Optional.empty(), upkeep.warning());
            return;
        }
        try {
            ProductionAutovacuum.set(false);
            await("the warning with autovacuum off")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> upkeep.warning().equals(Optional.of(DatabaseUpkeep.AUTOVACUUM_OFF)));
            ProductionAutovacuum.set(true);
            await("no warning with autovacuum on")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> upkeep.warning().isEmpty());
        } finally {
            ProductionAutovacuum.reset();
        }
    }
}
