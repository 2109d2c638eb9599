package dev.afterimage.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RealFixturesTest {

    private String configured;

    @BeforeEach
    void rememberTheConfiguredFolder() {
        configured = System.getProperty(RealFixtures.PROPERTY);
    }

    @AfterEach
    void restoreTheConfiguredFolder() {
        if (configured == null) {
            System.clearProperty(RealFixtures.PROPERTY);
        } else {
            System.setProperty(RealFixtures.PROPERTY, configured);
        }
    }

    @Test
    void readingFromAnAbsentFolderSkipsTheTestSayingWhere() {
        System.setProperty(RealFixtures.PROPERTY, "/nonexistent/afterimage/fixtures");

        TestAbortedException skipped =
                assertThrows(TestAbortedException.class, () -> RealFixtures.read("telegram/channel-page-kpszsu.html"));
        assertTrue(skipped.getMessage().contains("/nonexistent/afterimage/fixtures"), skipped.getMessage());
        assertTrue(skipped.getMessage().contains("skipping"), skipped.getMessage());
    }
}
