package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What /proc/[pid]/stat says of a process that benchmarks need: its name, its parent, and its CPU time (in clock ticks
 * of 10 ms), its own and that of the children it has reaped.
 */
public record ProcessStat(long pid, String name, long parent, long ownTicks, long endedChildrenTicks) {

    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The process as it stands; empty once it has ended. */
    public static Optional<ProcessStat> of(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The name in parentheses may hold spaces and parentheses: the fields are counted after its last one.
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Optional.of(new ProcessStat(
                pid,
                name,
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    }

    /** User and system CPU time of the process itself. */
    public long ownNanos() {
        return ownTicks * NANOS_PER_TICK;
    }

    /** User and system CPU time of the children it has reaped. */
    public long endedChildrenNanos() {
        return endedChildrenTicks * NANOS_PER_TICK;
    }
}
