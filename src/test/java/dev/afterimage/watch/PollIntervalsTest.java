package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PollIntervalsTest {

    @ParameterizedTest
    @CsvSource({
        "90, PT1M30S",
        "60s, PT1M",
        "5m, PT5M",
        "5 M, PT5M",
        "2h, PT2H",
        "1d, PT24H",
        "PT60S, PT1M",
        "pt2m, PT2M"
    })
    void shortFormsAndIsoAreRead(String text, String expected) {
        assertEquals(Optional.of(Duration.parse(expected)), PollIntervals.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"every minute", "5 minutes", "-5m", "1.5h", "", "m"})
    void anythingElseIsNotAnInterval(String text) {
        assertEquals(Optional.empty(), PollIntervals.parse(text));
    }
}
