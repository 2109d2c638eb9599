package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RepeatedLinesTest {

    private final RepeatedLines lines = new RepeatedLines();

    @Test
    void aLineRepeatedEveryPollIsWrittenAtEachDoubling() {
        List<Integer> written = new ArrayList<>();
        for (int poll = 0; poll < 100; poll++) {
            lines.next(1, "UNKNOWN (timeout)").ifPresent(written::add);
        }

        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), written);
    }

    @Test
    void aDifferentFailureIsWrittenAtOnce() {
        lines.next(1, "UNKNOWN (timeout)");
        lines.next(1, "UNKNOWN (timeout)");
        lines.next(1, "UNKNOWN (timeout)");

        assertEquals(OptionalInt.of(1), lines.next(1, "UNKNOWN (HTTP 502)"));
    }

    @Test
    void aGoodPollEndsTheStreakAndAccountsAreApart() {
        lines.next(1, "UNKNOWN (timeout)");
        lines.next(1, "UNKNOWN (timeout)");
        lines.next(2, "UNKNOWN (timeout)");
        lines.clear(1);

        assertEquals(OptionalInt.of(1), lines.next(1, "UNKNOWN (timeout)"));
        assertEquals(OptionalInt.of(2), lines.next(2, "UNKNOWN (timeout)"));
    }
}
