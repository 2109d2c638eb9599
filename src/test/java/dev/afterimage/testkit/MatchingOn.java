package dev.afterimage.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Image matching on (the test configuration turns it off, because test pictures repeat across test classes that
 * share one database). Test classes with this profile share one application start.
 */
public class MatchingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("afterimage.match.enabled", "true");
    }
}
