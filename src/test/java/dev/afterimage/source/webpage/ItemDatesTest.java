package dev.afterimage.source.webpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates news pages show, and what they are read as. */
class ItemDatesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-11-21T09:30:00+03:00 | 2026-11-21T06:30:00Z",
                "2026-11-21T09:30:00 | 2026-11-21T09:30:00Z",
                "2026-11-21 | 2026-11-21T00:00:00Z",
                "Sat, 21 Nov 2026 09:30:00 GMT | 2026-11-21T09:30:00Z",
                "21 November 2026 | 2026-11-21T00:00:00Z",
                "3 Nov 2026 | 2026-11-03T00:00:00Z",
                "November 21, 2026 | 2026-11-21T00:00:00Z",
                "21.11.2026 | 2026-11-21T00:00:00Z",
            })
    void commonFormatsAreRead(String shown, String expected) {
        assertEquals(Instant.parse(expected), ItemDates.parse(shown, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "'Published: sometime'", "''"})
    void unreadableDatesAreNoDate(String shown) {
        assertNull(ItemDates.parse(shown, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"'21/11/2026 14:05', 2026-11-21T14:05:00Z"})
    void configuredPatternIsTriedFirst(String shown, String expected) {
        Optional<DateTimeFormatter> pattern = Optional.of(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT));

        assertEquals(Instant.parse(expected), ItemDates.parse(shown, pattern));
    }
}
