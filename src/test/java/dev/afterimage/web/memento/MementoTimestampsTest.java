package dev.afterimage.web.memento;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MementoTimestampsTest {

    @Test
    void waybackTimestampIsFourteenDigitsInUtc() {
        assertEquals("20171114105700", MementoTimestamps.format14(Instant.parse("2017-11-14T10:57:00Z")));
        assertEquals("19960101000000", MementoTimestamps.format14(Instant.parse("1996-01-01T00:00:00Z")));
    }

    @Test
    void waybackTimestampDropsFractionsOfASecond() {
        assertEquals("20171114105700", MementoTimestamps.format14(Instant.parse("2017-11-14T10:57:00.999999Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-11-14T10:57:00Z", "2000-02-29T23:59:59Z", "1999-12-31T00:00:01Z"})
    void waybackTimestampReadsBackToTheSameInstant(String iso) {
        Instant instant = Instant.parse(iso);
        assertEquals(Optional.of(instant), MementoTimestamps.parse14(MementoTimestamps.format14(instant)));
    }

    @ParameterizedTest
    @CsvSource({
        "2017,           2017-01-01T00:00:00Z",
        "201711,         2017-11-01T00:00:00Z",
        "20171114,       2017-11-14T00:00:00Z",
        "2017111410,     2017-11-14T10:00:00Z",
        "201711141057,   2017-11-14T10:57:00Z",
        // An odd length names part of a field: months 10-12, months 1-9, days 10-19, days 30-31, seconds 50-59.
        "20171,          2017-10-01T00:00:00Z",
        "20170,          2017-01-01T00:00:00Z",
        "2017111,        2017-11-10T00:00:00Z",
        "2017013,        2017-01-30T00:00:00Z",
        "2017111410575,  2017-11-14T10:57:50Z",
    })
    void partialTimestampMeansTheEarliestInstantOfItsPeriod(String timestamp, String earliest) {
        assertEquals(Optional.of(Instant.parse(earliest)), MementoTimestamps.parse14(timestamp));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "201",
                "201711141057001",
                "2017a1",
                "20171114T105700",
                " 2017",
                "-2017",
                "２０１７",
                "201713",
                "20170230",
                "2017023",
                "20171114240000",
                "20171114106000",
                "20171114105760",
            })
    void invalidTimestampIsEmpty(String timestamp) {
        assertEquals(Optional.empty(), MementoTimestamps.parse14(timestamp));
    }

    @Test
    void httpDateIsImfFixdate() {
        assertEquals(
                "Tue, 14 Nov 2017 10:57:00 GMT", MementoTimestamps.httpDate(Instant.parse("2017-11-14T10:57:00Z")));
        // RFC 9110's own example: the day keeps its leading zero.
        assertEquals(
                "Sun, 06 Nov 1994 08:49:37 GMT", MementoTimestamps.httpDate(Instant.parse("1994-11-06T08:49:37Z")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // The Accept-Datetime and Memento-Datetime of RFC 7089 section 4.2.1, then RFC 9110's HTTP date.
                "Tue, 20 Mar 2001 20:35:00 GMT | 2001-03-20T20:35:00Z",
                "Wed, 21 Mar 2001 20:36:10 GMT | 2001-03-21T20:36:10Z",
                "Sun, 06 Nov 1994 08:49:37 GMT | 1994-11-06T08:49:37Z",
            })
    void acceptDatetimeReadsRfcExamples(String header, String iso) {
        assertEquals(Optional.of(Instant.parse(iso)), MementoTimestamps.parseHttpDate(header));
    }

    @Test
    void acceptDatetimeToleratesSurroundingWhitespace() {
        assertEquals(
                Optional.of(Instant.parse("2001-03-20T20:35:00Z")),
                MementoTimestamps.parseHttpDate(" \t Tue, 20 Mar 2001 20:35:00 GMT \t "));
    }

    @Test
    void acceptDatetimeWithTheWrongWeekdayMeansItsDate() {
        // From RFC 7089 section 4.2.1: 15 Sep 2000 was a Friday.
        assertEquals(
                Optional.of(Instant.parse("2000-09-15T11:28:26Z")),
                MementoTimestamps.parseHttpDate("Tue, 15 Sep 2000 11:28:26 GMT"));
    }

    @Test
    void httpDateReadsBackToTheSameInstant() {
        Instant instant = Instant.parse("2024-02-29T23:59:59Z");
        assertEquals(Optional.of(instant), MementoTimestamps.parseHttpDate(MementoTimestamps.httpDate(instant)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "yesterday",
                "2001-03-20T20:35:00Z",
                "20010320203500",
                "Tue, 20 Mar 2001 25:35:00 GMT",
                "Tue, 32 Mar 2001 20:35:00 GMT",
                "Foo, 20 Mar 2001 20:35:00 GMT",
                "Tue, 20 Mar 2001 20:35:00 CEST",
                "Tue, 20 Mar 2001 20:35:00 GMT trailing",
            })
    void invalidAcceptDatetimeIsEmpty(String header) {
        assertEquals(Optional.empty(), MementoTimestamps.parseHttpDate(header));
    }
}
