package dev.afterimage.match;

import dev.afterimage.pdq.Dihedral;
import dev.afterimage.pdq.PdqHash;
import dev.afterimage.pdq.PdqResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * PDQ hashes packed four longs apiece, with one byte each for who they belong to and their quality: 33 bytes a
 * hash. A lookup compares the eight dihedral hashes of the query with every entry (brute force, measured in
 * docs/benchmarks.md); after the first 128 bits an entry already too far for all eight is skipped, which is almost
 * every entry, since unrelated hashes differ in about half their bits.
 *
 * <p>Appends are serialised; lookups read a consistent prefix without locking.
 */
public final class PackedHashes {

    /** Who a hash belongs to. */
    public enum Owner {
        ARCHIVE,
        REFERENCE
    }

    /** One entry within reach of a query, through the dihedral variant of the query that came closest. */
    public record Near(PdqHash hash, Owner owner, int quality, int distance, Dihedral queryVariant) {}

    /**
     * The first 128 bits of each hash in {@code front}, the last 128 in {@code back}: a lookup reads only the front
     * of almost every entry, half the memory traffic of one array.
     */
    private record Storage(long[] front, long[] back, byte[] owners, byte[] qualities, int size) {

        static Storage empty() {
            return new Storage(new long[2 * 1024], new long[2 * 1024], new byte[1024], new byte[1024], 0);
        }
    }

    private volatile Storage storage = Storage.empty();

    public synchronized void add(PdqHash hash, Owner owner, int quality) {
        Storage current = storage;
        int size = current.size;
        long[] front = current.front;
        long[] back = current.back;
        byte[] owners = current.owners;
        byte[] qualities = current.qualities;
        if (size == owners.length) {
            int capacity = owners.length * 2;
            front = Arrays.copyOf(front, 2 * capacity);
            back = Arrays.copyOf(back, 2 * capacity);
            owners = Arrays.copyOf(owners, capacity);
            qualities = Arrays.copyOf(qualities, capacity);
        }
        front[2 * size] = hash.high();
        front[2 * size + 1] = hash.midHigh();
        back[2 * size] = hash.midLow();
        back[2 * size + 1] = hash.low();
        owners[size] = (byte) owner.ordinal();
        qualities[size] = (byte) Math.max(0, Math.min(100, quality));
        // Published last, so a reader sees the entry only once it is written.
        storage = new Storage(front, back, owners, qualities, size + 1);
    }

    public synchronized void clear() {
        storage = Storage.empty();
    }

    public int size() {
        return storage.size;
    }

    /** Bytes held by the arrays, including room for growth. */
    public long footprintBytes() {
        Storage current = storage;
        return 8L * (current.front.length + current.back.length) + current.owners.length + current.qualities.length;
    }

    /** Entries within {@code maxDistance} of any dihedral variant of the query, nearest first, at most {@code limit}. */
    public List<Near> near(PdqResult query, int maxDistance, int limit) {
        Storage current = storage;
        Dihedral[] variants = Dihedral.values();
        int count = variants.length;
        long[] q0 = new long[count];
        long[] q1 = new long[count];
        long[] q2 = new long[count];
        long[] q3 = new long[count];
        for (int v = 0; v < count; v++) {
            PdqHash hash = query.variant(variants[v]);
            q0[v] = hash.high();
            q1[v] = hash.midHigh();
            q2[v] = hash.midLow();
            q3[v] = hash.low();
        }
        long[] front = current.front;
        long[] back = current.back;
        List<Near> found = new ArrayList<>();
        for (int i = 0, size = current.size; i < size; i++) {
            long w0 = front[2 * i];
            long w1 = front[2 * i + 1];
            int best = Integer.MAX_VALUE;
            int bestVariant = -1;
            for (int v = 0; v < count; v++) {
                int distance = Long.bitCount(w0 ^ q0[v]) + Long.bitCount(w1 ^ q1[v]);
                if (distance > maxDistance) {
                    continue;
                }
                distance += Long.bitCount(back[2 * i] ^ q2[v]) + Long.bitCount(back[2 * i + 1] ^ q3[v]);
                if (distance <= maxDistance && distance < best) {
                    best = distance;
                    bestVariant = v;
                }
            }
            if (bestVariant >= 0) {
                found.add(new Near(
                        new PdqHash(w0, w1, back[2 * i], back[2 * i + 1]),
                        Owner.values()[current.owners[i]],
                        current.qualities[i],
                        best,
                        variants[bestVariant]));
            }
        }
        found.sort(Comparator.comparingInt(Near::distance));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }
}
