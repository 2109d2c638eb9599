package dev.afterimage.web.memento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeMapTest {

    private static final String ORIGINAL = "https://t.me/s/channel/42";
    private static final String BASE = "https://afterimage.example";

    private static final Memento NOON = memento("2017-11-14T12:00:00Z");
    private static final Memento TWO = memento("2017-11-14T14:00:00Z");
    private static final Memento SIX = memento("2017-11-14T18:00:00Z");
    private static final TimeMap TIME_MAP = timeMap(List.of(NOON, TWO, SIX));

    @Test
    void wantedTimeBeforeTheFirstGivesTheFirst() {
        assertEquals(NOON, TIME_MAP.closest(Instant.parse("1999-01-01T00:00:00Z")));
    }

    @Test
    void wantedTimeAfterTheLastGivesTheLast() {
        assertEquals(SIX, TIME_MAP.closest(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void exactTimeGivesThatMemento() {
        assertEquals(TWO, TIME_MAP.closest(Instant.parse("2017-11-14T14:00:00Z")));
    }

    @Test
    void nearestMementoWinsWhetherEarlierOrLater() {
        assertEquals(TWO, TIME_MAP.closest(Instant.parse("2017-11-14T13:01:00Z")));
        assertEquals(TWO, TIME_MAP.closest(Instant.parse("2017-11-14T15:59:00Z")));
    }

    @Test
    void tieGoesToTheEarlierMemento() {
        assertEquals(NOON, TIME_MAP.closest(Instant.parse("2017-11-14T13:00:00Z")));
        assertEquals(TWO, TIME_MAP.closest(Instant.parse("2017-11-14T16:00:00Z")));
    }

    @Test
    void singleMementoAnswersEveryTime() {
        TimeMap single = timeMap(List.of(TWO));
        assertEquals(TWO, single.closest(Instant.parse("1999-01-01T00:00:00Z")));
        assertEquals(TWO, single.closest(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void urlTimestampFindsItsMementoDespiteFractionsOfASecond() {
        // Captured at .9 and .7 seconds: the URL timestamps say 10:59:59 and 11:00:00, and each must find its own.
        Memento early = memento("2017-11-14T10:59:59.900Z");
        Memento late = memento("2017-11-14T11:00:00.700Z");
        TimeMap timeMap = timeMap(List.of(early, late));
        assertEquals(
                late,
                timeMap.closest(MementoTimestamps.parse14("20171114110000").orElseThrow()));
        assertEquals(
                early,
                timeMap.closest(MementoTimestamps.parse14("20171114105959").orElseThrow()));
    }

    @Test
    void mementosAreKeptOldestFirst() {
        TimeMap timeMap = timeMap(List.of(SIX, NOON, TWO));
        assertEquals(List.of(NOON, TWO, SIX), timeMap.mementos());
        assertEquals(NOON, timeMap.first());
        assertEquals(SIX, timeMap.last());
    }

    @Test
    void timeMapWithoutMementosIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> timeMap(List.of()));
        assertTrue(refused.getMessage().contains("mementos"), refused.getMessage());
    }

    @Test
    void jsonTimeMapHasTheAggregatorShape() throws Exception {
        String expected =
                """
                {"original_uri":"https://t.me/s/channel/42",\
                "timegate_uri":"https://afterimage.example/web/https://t.me/s/channel/42",\
                "timemap_uri":{\
                "link_format":"https://afterimage.example/timemap/link/https://t.me/s/channel/42",\
                "json_format":"https://afterimage.example/timemap/json/https://t.me/s/channel/42"},\
                "mementos":{\
                "first":{"datetime":"2017-11-14T12:00:00Z","uri":"https://afterimage.example/web/20171114120000/https://t.me/s/channel/42"},\
                "last":{"datetime":"2017-11-14T18:00:00Z","uri":"https://afterimage.example/web/20171114180000/https://t.me/s/channel/42"},\
                "list":[\
                {"datetime":"2017-11-14T12:00:00Z","uri":"https://afterimage.example/web/20171114120000/https://t.me/s/channel/42"},\
                {"datetime":"2017-11-14T14:00:00Z","uri":"https://afterimage.example/web/20171114140000/https://t.me/s/channel/42"},\
                {"datetime":"2017-11-14T18:00:00Z","uri":"https://afterimage.example/web/20171114180000/https://t.me/s/channel/42"}]}}""";
        assertEquals(expected, new ObjectMapper().writeValueAsString(TIME_MAP.json()));
    }

    private static Memento memento(String iso) {
        Instant datetime = Instant.parse(iso);
        return new Memento(datetime, BASE + "/web/" + MementoTimestamps.format14(datetime) + "/" + ORIGINAL);
    }

    private static TimeMap timeMap(List<Memento> mementos) {
        return new TimeMap(
                ORIGINAL,
                BASE + "/web/" + ORIGINAL,
                BASE + "/timemap/link/" + ORIGINAL,
                BASE + "/timemap/json/" + ORIGINAL,
                mementos);
    }
}
