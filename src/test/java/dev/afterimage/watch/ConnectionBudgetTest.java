package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    @Test
    void theDefaultsFitWithRoomBesideTheScheduler() {
        ConnectionBudget defaults = new ConnectionBudget(32, 1, 40);
        assertEquals(34, defaults.needed());
        assertEquals(Optional.empty(), defaults.shortfall());
        assertEquals(40, defaults.needed() + ConnectionBudget.BESIDE_SCHEDULER, "the defaults keep what they advise");
    }

    @Test
    void raisingOnlyThePollThreadsIsTold() {
        String told = new ConnectionBudget(64, 1, 40).shortfall().orElseThrow();
        assertTrue(told.contains("quarkus.datasource.jdbc.max-size is 40"), told);
        assertTrue(told.contains("can hold 66 connections"), told);
        assertTrue(told.contains("afterimage.watch.poll-threads 64"), told);
        assertTrue(told.contains("at least 72"), told);
    }

    @Test
    void aPoolExactlyAsLargeAsTheSchedulerNeedsIsEnough() {
        assertEquals(Optional.empty(), new ConnectionBudget(16, 2, 19).shortfall());
        assertTrue(new ConnectionBudget(16, 2, 18).shortfall().isPresent());
    }
}
