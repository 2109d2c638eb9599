package dev.afterimage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class WatchesHealthTest {

    private static final WatchesHealth.Watch WORKING = new WatchesHealth.Watch("telegram account 1", false);
    private static final WatchesHealth.Watch FAILING = new WatchesHealth.Watch("x account 2", true);

    @Test
    void nothingWatchedIsNoFault() {
        assertEquals(
                HealthCheckResponse.Status.UP, WatchesHealth.judge(List.of()).getStatus());
    }

    @Test
    void someWatchesFailingAmongWorkingOnesLeaveTheInstanceReadyButAreNamed() {
        HealthCheckResponse response = WatchesHealth.judge(List.of(WORKING, FAILING));

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("x account 2", response.getData().orElseThrow().get("failingAccounts"));
    }

    @Test
    void everyWatchFailingIsDownAndNamesThem() {
        HealthCheckResponse response =
                WatchesHealth.judge(List.of(FAILING, new WatchesHealth.Watch("vk account 3", true)));

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(
                "x account 2, vk account 3", response.getData().orElseThrow().get("failingAccounts"));
        assertEquals(2L, response.getData().orElseThrow().get("failing"));
    }

    @Test
    void aLongListIsCutToTheFirstNames() {
        List<WatchesHealth.Watch> many = IntStream.range(0, 25)
                .mapToObj(i -> new WatchesHealth.Watch("telegram account " + i, true))
                .toList();

        String named =
                (String) WatchesHealth.judge(many).getData().orElseThrow().get("failingAccounts");

        assertEquals(true, named.endsWith("telegram account 19 and 5 more"));
        assertFalse(named.contains("telegram account 20"));
    }
}
