package dev.afterimage.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A service with users: the first admin comes from the configuration. Its own profile, so Quarkus restarts (and
 * Flyway cleans the database) around these tests: the other test classes keep an open service without users.
 */
public class SecuredProfile implements QuarkusTestProfile {

    static final String ADMIN = "root";
    static final String PASSWORD = "correct-horse-battery";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("afterimage.security.bootstrap-admin", ADMIN + ":" + PASSWORD);
    }
}
