package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as publishers write them in feeds. */
class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Sat, 21 Nov 2026 09:00:00 GMT   | 2026-11-21T09:00:00Z
            Tue, 01 Oct 2019 14:30:00 PST   | 2019-10-01T22:30:00Z
            Mon, 06 Jan 2020 10:00:00 EST   | 2020-01-06T15:00:00Z
            Wed, 23 Dec 2010 10:00:00 +0100 | 2010-12-23T09:00:00Z
            Thu, 1 Jan 04 19:48 EDT         | 2004-01-01T23:48:00Z
            21 Nov 2026 09:00:00 +01:00     | 2026-11-21T08:00:00Z
            2003-01-23                      | 2003-01-23T00:00:00Z
            2003-01-23T10:15:30+02:00       | 2003-01-23T08:15:30Z
            2003-01-23T10:15:30.123Z        | 2003-01-23T10:15:30Z
            2003-01-23T10:15                | 2003-01-23T10:15:00Z
            2003/1/23                       | 2003-01-23T00:00:00Z
            2020/1/10 14:33:00              | 2020-01-10T14:33:00Z
            Sun Jan  4 16:29:06 PST 2004    | 2004-01-05T00:29:06Z
            """)
    void publishersDatesAreRead(String text, String expected) {
        assertEquals(Instant.parse(expected), FeedDates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "32 Foo 2020 10:00:00 GMT", "2020-13-45"})
    void whatIsNoDateIsNull(String text) {
        assertNull(FeedDates.parse(text));
    }
}
