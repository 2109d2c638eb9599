package dev.afterimage.pdq;

/**
 * The eight ways to turn or mirror a picture without losing pixels. Each one is, on PDQ's 16×16 DCT, a transpose
 * and a sign change of alternate rows and/or columns, so all eight hashes come from one transform.
 */
public enum Dihedral {
    ORIGINAL("as is", false, false, false),
    ROTATE_90("rotated 90° clockwise", true, false, true),
    ROTATE_180("rotated 180°", false, true, true),
    ROTATE_270("rotated 90° anticlockwise", true, true, false),
    MIRROR_HORIZONTAL("mirrored left to right", false, false, true),
    MIRROR_VERTICAL("flipped upside down", false, true, false),
    TRANSPOSE("mirrored along the main diagonal", true, false, false),
    ANTI_TRANSPOSE("mirrored along the anti-diagonal", true, true, true);

    private final String description;
    private final boolean transpose;
    private final boolean negateEvenRows;
    private final boolean negateEvenColumns;

    Dihedral(String description, boolean transpose, boolean negateEvenRows, boolean negateEvenColumns) {
        this.description = description;
        this.transpose = transpose;
        this.negateEvenRows = negateEvenRows;
        this.negateEvenColumns = negateEvenColumns;
    }

    /** How a person would say it: "mirrored left to right". */
    public String description() {
        return description;
    }

    /** The transform that undoes this one. */
    public Dihedral inverse() {
        return switch (this) {
            case ROTATE_90 -> ROTATE_270;
            case ROTATE_270 -> ROTATE_90;
            default -> this;
        };
    }

    /**
     * The DCT of the transformed picture. With PDQ's basis (frequencies 1 to 16), mirroring a picture's columns
     * negates the coefficients of odd column frequency, that is even 0-based column index; likewise for rows.
     */
    float[] applyTo(float[] dct16) {
        float[] out = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float value = transpose ? dct16[j * 16 + i] : dct16[i * 16 + j];
                boolean negate = (negateEvenRows && i % 2 == 0) ^ (negateEvenColumns && j % 2 == 0);
                out[i * 16 + j] = negate ? -value : value;
            }
        }
        return out;
    }
}
