package dev.afterimage.pdq;

import java.util.List;

/**
 * What PDQ says of one picture: its hash, its quality (0–100; below 50 the picture is too flat to match on), and
 * the hashes of its eight {@link Dihedral} variants, in the enum's order.
 */
public record PdqResult(PdqHash hash, int quality, List<PdqHash> variants) {

    public PdqResult {
        variants = List.copyOf(variants);
        if (variants.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("variants must hold one hash per dihedral transform");
        }
    }

    /** The hash this picture would have after {@code transform}. */
    public PdqHash variant(Dihedral transform) {
        return variants.get(transform.ordinal());
    }
}
