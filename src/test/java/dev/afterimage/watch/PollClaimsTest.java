package dev.afterimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The due-work table on the suite's database (H2 or PostgreSQL): claims, leases, releases. */
@QuarkusTest
class PollClaimsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Quiet after a day without a post, polled at most hourly then; a fresh account keeps its 5 minutes. */
    private static final PollCadence CADENCE = new PollCadence(Duration.ofDays(1), Duration.ofHours(1));

    @Inject
    PollClaims claims;

    @Inject
    AccountService accounts;

    @Inject
    EntityManager entities;

    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void freshSchedule() {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("DELETE FROM poll_schedule")
                .executeUpdate());
        ids.clear();
    }

    @Test
    void claimsTheDueAccountsOldestFirstAndNoneTwice() {
        long late = account("claims_late", T0.minusSeconds(10));
        long early = account("claims_early", T0.minusSeconds(50));
        account("claims_future", T0.plusSeconds(30));

        List<PollClaims.Claim> first = claim("node-a", T0, 10, T0.plus(LEASE));
        assertEquals(List.of(early, late), accountIds(first));
        assertEquals(T0.minusSeconds(50), first.getFirst().due());
        assertEquals(Duration.ofMinutes(5), first.getFirst().interval());
        assertEquals(Optional.empty(), first.getFirst().postedAt());

        assertEquals(List.of(), claim("node-b", T0.plusSeconds(1), 10, T0.plus(LEASE)), "claimed by node-a");
    }

    @Test
    void aClaimThatIsNotRenewedLapsesAndAnotherInstanceTakesIt() {
        long id = account("claims_lapse", T0);
        claim("node-a", T0, 10, T0.plus(LEASE));
        Instant renewedUntil = T0.plus(Duration.ofMinutes(6));
        claims.renew("node-a", Set.of(id), renewedUntil);

        assertEquals(
                List.of(),
                claim("node-b", T0.plus(Duration.ofMinutes(5)).plusSeconds(10), 10, T0.plus(Duration.ofMinutes(7))),
                "due again, but node-a's poll still runs");
        List<PollClaims.Claim> taken = claim("node-b", renewedUntil.plusSeconds(1), 10, T0.plus(Duration.ofMinutes(8)));
        assertEquals(List.of(id), accountIds(taken));

        claims.release("node-a", id, T0.plus(Duration.ofHours(1)), Optional.empty());
        assertEquals(
                List.of(),
                claim("node-c", T0.plus(Duration.ofMinutes(9)), 10, T0.plus(Duration.ofMinutes(11))),
                "node-a's late release did not end node-b's claim");
        assertEquals(
                List.of(T0.plus(Duration.ofMinutes(10))),
                claim("node-c", T0.plus(Duration.ofMinutes(10)), 10, T0.plus(Duration.ofMinutes(11))).stream()
                        .map(PollClaims.Claim::due)
                        .toList(),
                "nor moved the account's due time, which node-b's claim set");
    }

    @Test
    void aReleasedAccountIsDueAgainAtItsNextTimeWithItsLastPost() {
        long id = account("claims_release", T0);
        claim("node-a", T0, 10, T0.plus(LEASE));
        Instant posted = T0.minus(Duration.ofHours(2));
        claims.release("node-a", id, T0.plusSeconds(60), Optional.of(posted));
        assertEquals(List.of(), claim("node-a", T0.plusSeconds(59), 10, T0.plus(LEASE)));

        claim("node-a", T0.plusSeconds(60), 10, T0.plus(Duration.ofMinutes(2)));
        claims.release("node-a", id, T0.plusSeconds(120), Optional.of(T0.minus(Duration.ofDays(3))));
        List<PollClaims.Claim> again = claim("node-b", T0.plusSeconds(120), 10, T0.plus(Duration.ofMinutes(3)));
        assertEquals(List.of(id), accountIds(again));
        assertEquals(Optional.of(posted), again.getFirst().postedAt(), "an older post does not move it back");

        claims.release("node-b", id, T0.plusSeconds(180), Optional.empty());
        assertEquals(
                List.of(Optional.of(posted)),
                claim("node-c", T0.plusSeconds(180), 10, T0.plus(Duration.ofMinutes(4))).stream()
                        .map(PollClaims.Claim::postedAt)
                        .toList(),
                "a poll that saw no post keeps the last one");
    }

    @Test
    void aClaimMovesTheAccountToItsNextDueTimeAlready() {
        long id = account("claims_next", T0);

        PollClaims.Claim claim =
                claim("node-a", T0.plusSeconds(10), 10, T0.plus(LEASE)).getFirst();

        assertEquals(T0.plus(Duration.ofMinutes(5)), claim.next(), "on its beat");
        assertEquals(List.of(), claim("node-b", T0.plus(LEASE).plusSeconds(1), 10, T0.plus(Duration.ofMinutes(2))));
        assertEquals(
                List.of(id),
                accountIds(claim("node-b", T0.plus(Duration.ofMinutes(5)), 10, T0.plus(Duration.ofMinutes(6)))),
                "due again on its beat when its poll gave nothing back, e.g. its instance died");
    }

    @Test
    void aQuietAccountsClaimMovesItFurther() {
        long id = account("claims_quiet", T0);
        claim("node-a", T0, 10, T0.plus(LEASE));
        claims.release("node-a", id, T0.plusSeconds(60), Optional.of(T0.minus(Duration.ofDays(3))));

        PollClaims.Claim claim =
                claim("node-a", T0.plusSeconds(60), 10, T0.plus(LEASE)).getFirst();

        assertEquals(T0.plusSeconds(60).plus(Duration.ofMinutes(40)), claim.next(), "quiet for three days: 8 × 5 min");
    }

    @Test
    void claimsGivenBackUnstartedAreDueAsTheyWere() {
        long id = account("claims_give_back", T0);
        List<PollClaims.Claim> unstarted = claim("node-a", T0, 10, T0.plus(LEASE));

        claims.giveBack("node-a", unstarted);

        List<PollClaims.Claim> again = claim("node-b", T0, 10, T0.plus(LEASE));
        assertEquals(List.of(id), accountIds(again), "claimable at once");
        assertEquals(T0, again.getFirst().due());
    }

    @Test
    void givingBackEveryClaimSparesTheWaitForTheLease() {
        long id = account("claims_release_all", T0);
        claim("node-a", T0, 10, T0.plus(Duration.ofHours(1)));

        claims.releaseAll("node-a");

        assertEquals(
                List.of(id),
                accountIds(claim("node-b", T0.plus(Duration.ofMinutes(5)), 10, T0.plus(Duration.ofMinutes(6)))));
    }

    @Test
    void concurrentClaimersNeverShareAnAccount() throws Exception {
        for (int i = 0; i < 60; i++) {
            account("claims_many_" + i, T0.minusSeconds(i));
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        Set<Long> distinct = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String node = "node-" + t;
                runs.add(threads.submit(() -> {
                    // On H2 a claim that meets locked rows gets fewer than are due (docs/scheduling.md): a claim
                    // loop goes on until nothing is left, and so do these.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (distinct.size() < ids.size() && System.nanoTime() < deadline) {
                        claim(node, T0, 4, T0.plus(LEASE)).forEach(claim -> {
                            claimed.add(claim.accountId());
                            distinct.add(claim.accountId());
                        });
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(claimed.size(), new HashSet<>(claimed).size(), "an account was claimed twice: " + claimed);
        assertTrue(distinct.containsAll(ids), "every due account was claimed");
    }

    @Test
    void anAccountWhoseRowIsHeldElsewhereIsClaimedWithoutWaiting() throws Exception {
        long held = account("claims_row_held", T0);
        long free = account("claims_row_free", T0.plusSeconds(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder =
                    other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        Account.findById(held, LockModeType.PESSIMISTIC_WRITE);
                        locked.countDown();
                        await(done);
                    }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));

            List<PollClaims.Claim> claimed = claim("node-a", T0.plusSeconds(5), 10, T0.plus(LEASE));

            assertEquals(List.of(held, free), accountIds(claimed));
            done.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            done.countDown();
            other.shutdownNow();
        }
    }

    private static List<Long> accountIds(List<PollClaims.Claim> claimed) {
        return claimed.stream().map(PollClaims.Claim::accountId).toList();
    }

    private List<PollClaims.Claim> claim(String node, Instant now, int limit, Instant until) {
        return claims.claim(node, now, limit, until, CADENCE);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long account(String handle, Instant due) {
        long id = accounts.create(new AccountRequest(null, "telegram", handle, null, "5m", true), AccountOrigin.API).id;
        QuarkusTransaction.requiringNew().run(() -> {
            claims.unschedule(id);
            claims.schedule(id, due);
        });
        ids.add(id);
        return id;
    }
}
