package dev.afterimage.watch;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thins out a line that an account repeats poll after poll: the 1st, 2nd, 4th, 8th… time in a row it is said, so a
 * watch failing the same way for a day writes about a dozen lines, not one a minute, and a new failure is said at once.
 */
final class RepeatedLines {

    private record Streak(String line, int times) {}

    private final Map<Long, Streak> streaks = new ConcurrentHashMap<>();

    /** How many times in a row the account has said this line, when it is time to write it again; else empty. */
    OptionalInt next(long accountId, String line) {
        Streak streak = streaks.compute(
                accountId,
                (id, previous) -> previous != null && Objects.equals(previous.line(), line)
                        ? new Streak(line, previous.times() + 1)
                        : new Streak(line, 1));
        int times = streak.times();
        return Integer.bitCount(times) == 1 ? OptionalInt.of(times) : OptionalInt.empty();
    }

    /** The account polled fine: its next failure is new. */
    void clear(long accountId) {
        streaks.remove(accountId);
    }
}
