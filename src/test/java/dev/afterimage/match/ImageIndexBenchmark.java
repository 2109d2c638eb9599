package dev.afterimage.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.pdq.Dihedral;
import dev.afterimage.pdq.PdqHash;
import dev.afterimage.pdq.PdqResult;
import dev.afterimage.testkit.BenchmarkReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lookups in the brute-force index at a million hashes, on one thread: time per lookup (all eight dihedral
 * variants) and memory per million, into docs/benchmarks.md. Run with {@code ./mvnw -Pbenchmark test}.
 */
class ImageIndexBenchmark {

    private static final int HASHES = 1_000_000;
    private static final int WARM_UP = 50;
    private static final int RUNS = 400;
    private static final int PLANTED = 20;

    @Test
    void lookupAtAMillionHashesStaysWithinBudget() throws Exception {
        Random random = new Random(13);
        PackedHashes index = new PackedHashes();
        long before = usedMemory();
        for (int i = 0; i < HASHES; i++) {
            index.add(randomHash(random), PackedHashes.Owner.ARCHIVE, 100);
        }
        long heapBytes = usedMemory() - before;
        // Near copies of a few queries, so lookups also find (and sort) matches, not only reject.
        List<PdqResult> queries = new ArrayList<>();
        int planted = 0;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            PdqResult query = randomQuery(random);
            queries.add(query);
            if (i >= WARM_UP && i % (RUNS / PLANTED) == 0) {
                index.add(flipBits(query.hash(), 12, random), PackedHashes.Owner.REFERENCE, 100);
                planted++;
            }
        }
        // The machine is shared with other builds (load 10 on 2 cores is common): wall time measures the queue,
        // the thread's CPU time measures the lookup on one core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        int found = 0;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            int hits = index.near(queries.get(i), 31, 200).size();
            if (i >= WARM_UP) {
                wall[i - WARM_UP] = System.nanoTime() - wallStart;
                cpu[i - WARM_UP] = threads.getCurrentThreadCpuTime() - cpuStart;
                found += hits;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double p50 = cpu[RUNS / 2] / 1e6;
        double p99 = cpu[RUNS * 99 / 100] / 1e6;
        double max = cpu[RUNS - 1] / 1e6;
        double wallP50 = wall[RUNS / 2] / 1e6;
        double wallP99 = wall[RUNS * 99 / 100] / 1e6;
        double mibPerMillion = index.footprintBytes() / (1024.0 * 1024.0) * 1_000_000 / index.size();
        BenchmarkReport.replaceSection(
                "Image index (PDQ, brute force)",
                String.format(
                        Locale.ROOT,
                        """
                        %,d random 256-bit hashes packed four longs apiece (plus owner and quality bytes) in
                        `PackedHashes`; each lookup compares all eight dihedral hashes of the query with every entry,
                        skipping an entry once its first 128 bits are too far for all eight. One thread, %d lookups
                        after %d to warm up, on %d CPU cores shared with other builds.

                        | measure | value | budget |
                        |---|---:|---:|
                        | lookup median (thread CPU time) | %.2f ms | |
                        | lookup p99 (thread CPU time) | %.2f ms | ≤ 10 ms |
                        | lookup max (thread CPU time) | %.2f ms | |
                        | lookup median / p99, wall clock (load average %.1f) | %.2f / %.2f ms | |
                        | index arrays per million hashes (capacity included) | %.1f MiB | ≤ 64 MiB |
                        | heap growth while filling (arrays + garbage of doubling) | %.1f MiB | |
                        | matches found (planted near copies) | %d | |

                        Brute force meets the budget, so multi-index hashing (faster at tens of millions, more memory
                        and code) was not needed.
                        """,
                        index.size(),
                        RUNS,
                        WARM_UP,
                        Runtime.getRuntime().availableProcessors(),
                        p50,
                        p99,
                        max,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        wallP50,
                        wallP99,
                        mibPerMillion,
                        heapBytes / (1024.0 * 1024.0),
                        found));
        assertEquals(planted, found, "every planted near copy is found, nothing else");
        assertTrue(p99 <= 10, "p99 " + p99 + " ms");
        assertTrue(mibPerMillion <= 64, mibPerMillion + " MiB per million");
    }

    private static PdqHash randomHash(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqResult randomQuery(Random random) {
        List<PdqHash> variants = new ArrayList<>();
        for (int i = 0; i < Dihedral.values().length; i++) {
            variants.add(randomHash(random));
        }
        return new PdqResult(variants.getFirst(), 100, variants);
    }

    private static PdqHash flipBits(PdqHash hash, int bits, Random random) {
        long[] words = {hash.high(), hash.midHigh(), hash.midLow(), hash.low()};
        for (int flipped = 0; flipped < bits; ) {
            int bit = random.nextInt(256);
            long mask = 1L << (bit & 63);
            if ((words[bit >> 6] & mask) == 0 || flipped % 2 == 0) {
                words[bit >> 6] ^= mask;
                flipped++;
            }
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    private static long usedMemory() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
